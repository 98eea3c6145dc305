package org.creativecities.core.plugin;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.creativecities.plugin.api.PluginFileException;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.work.PluginWorkException;

/** A guarded call into plugin code did not return normally. Carries why, for the HTTP status and health. */
public class PluginCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the call ended. */
    public enum Kind {
        /** The plugin threw. */
        FAILED,
        /** The plugin used a service it did not declare the permission for. */
        PERMISSION,
        /** The call exceeded its time limit and was interrupted. */
        TIMED_OUT,
        /** The call was not run: the plugin (or the whole pool) has too many calls in flight. */
        REJECTED,
        /**
         * The caller's input was refused by a core service the plugin passed it to (a file the media store does not
         * take, a work's title or content the works do not take): the caller's fault, never counted against the
         * plugin.
         */
        BAD_INPUT
    }

    private final String pluginId;
    private final Kind kind;
    private final String reason;

    PluginCallException(String pluginId, Kind kind, String message, Throwable cause) {
        this(pluginId, kind, message, message, cause);
    }

    private PluginCallException(String pluginId, Kind kind, String message, String reason, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
        this.kind = kind;
        this.reason = reason;
    }

    /** What a call's {@code error} means: a time-out, a permission refusal, or any other throwable of the plugin's. */
    static PluginCallException of(String pluginId, String operation, Duration timeout, Throwable error) {
        if (error instanceof TimeoutException) {
            return new PluginCallException(pluginId, Kind.TIMED_OUT,
                    operation + " did not finish within " + timeout.toMillis() + " ms", null);
        } else if (error instanceof PluginPermissionException p) {
            return new PluginCallException(pluginId, Kind.PERMISSION, operation + ": " + p.getMessage(), p);
        } else if (error instanceof PluginFileException f) {
            return new PluginCallException(pluginId, Kind.BAD_INPUT, f.getMessage(), f);
        } else if (error instanceof PluginWorkException w && w.badInput()) {
            return new PluginCallException(pluginId, Kind.BAD_INPUT, w.getMessage(), w);
        }
        String said = error.getMessage() == null ? "" : ": " + error.getMessage();
        return new PluginCallException(pluginId, Kind.FAILED, operation + " threw " + error.getClass().getName() + said,
                operation + " failed" + said, error);
    }

    /**
     * Why the call failed, for people who are not the plugin's developer: like the message, but without Java class
     * names (administrators read it in problem details; the message, with the class, goes to the log and health).
     */
    public String reason() {
        return reason;
    }

    public String pluginId() {
        return pluginId;
    }

    public Kind kind() {
        return kind;
    }

    /** The refused file behind a {@link Kind#BAD_INPUT} failure. */
    public Optional<PluginFileException> fileRefusal() {
        return getCause() instanceof PluginFileException f ? Optional.of(f) : Optional.empty();
    }

    /** The permission refusal behind a {@link Kind#PERMISSION} failure. */
    public Optional<PluginPermissionException> permissionRefusal() {
        return getCause() instanceof PluginPermissionException p ? Optional.of(p) : Optional.empty();
    }
}
