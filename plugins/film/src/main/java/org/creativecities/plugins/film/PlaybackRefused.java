package org.creativecities.plugins.film;

/**
 * A playback command that the state machine refuses, with the error code the actor receives (e.g.
 * {@code not-host}) and a reason for people.
 */
public final class PlaybackRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public PlaybackRefused(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** The machine-readable code, lower-case with dashes. */
    public String code() {
        return code;
    }
}
