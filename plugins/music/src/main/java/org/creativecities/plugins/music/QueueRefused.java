package org.creativecities.plugins.music;

/**
 * A listening room refused an action: {@link #code()} becomes the error frame's code, the message its reason.
 */
public final class QueueRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public QueueRefused(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** The machine-readable code, e.g. {@code not-host}. */
    public String code() {
        return code;
    }
}
