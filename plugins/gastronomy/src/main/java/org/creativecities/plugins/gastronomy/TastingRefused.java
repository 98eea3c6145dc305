package org.creativecities.plugins.gastronomy;

/**
 * A tasting action that the rules refuse; {@link #code()} is the error frame's code ({@code round-closed},
 * {@code bad-score}…) and the message its reason, written for the person who acted.
 */
public final class TastingRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public TastingRefused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The error frame's code. */
    public String code() {
        return code;
    }
}
