package org.creativecities.plugin.api;

/**
 * A file the core refused to store (since API 1.3): its type is not accepted or contradicts the declared one, it is
 * too large for its type, the plugin's quota is used up, it stores too many files too fast, or the file is empty. The message is written for the person who
 * sent the file; a plugin may pass it on as it is. It is the sender's bad input: it never counts against the
 * plugin's health.
 *
 * @since 1.3.0
 */
public class PluginFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a file was refused. */
    public enum Reason {
        /** Not an accepted type, or not the declared one. */
        TYPE,
        /** Larger than its type's limit. */
        TOO_LARGE,
        /** The plugin's quota is used up. */
        QUOTA,
        /** The plugin stored too many files lately ({@code ccc.media.rate.uploads} per period, as for members). */
        RATE,
        /** No bytes. */
        EMPTY
    }

    private final Reason reason;

    public PluginFileException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }
}
