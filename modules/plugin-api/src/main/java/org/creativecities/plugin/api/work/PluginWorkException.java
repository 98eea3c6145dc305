package org.creativecities.plugin.api.work;

import java.util.Objects;

/**
 * The core refused to write a work for a plugin. The message is written for the person the plugin acts for, so a
 * plugin may pass it on as it is. {@link #badInput()} refusals (what people typed, or an account that does not exist)
 * never count against the plugin's health, even when the plugin lets them propagate from an HTTP route (the core
 * then answers 400 {@code application/problem+json} with the message); the other reasons do, like any exception.
 *
 * @since 1.3.0
 */
public class PluginWorkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a write was refused. */
    public enum Reason {
        /** The title, content, message, kind or city is not acceptable (empty title, too long, unknown city...). */
        INVALID(true),
        /** The author is not an account of this server. */
        UNKNOWN_PERSON(true),
        /** No such work, or not one this plugin created, or deleted since. */
        NOT_FOUND(false),
        /** The work cannot take this change now (for example, a published work's images lack alt text). */
        CONFLICT(false);

        private final boolean badInput;

        Reason(boolean badInput) {
            this.badInput = badInput;
        }

        /** Whether the refusal is about what people gave the plugin, rather than about the plugin's own calls. */
        public boolean badInput() {
            return badInput;
        }
    }

    private final Reason reason;

    public PluginWorkException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }

    /** Whether it is the sender's bad input ({@link Reason#badInput()}), which never counts against the plugin. */
    public boolean badInput() {
        return reason.badInput();
    }
}
