package org.creativecities.core.live;

/**
 * A refused client frame: becomes an {@code error} frame with its error's code and this reason (see
 * docs/protocol.md); the connection stays open.
 */
public class LiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LiveError error;

    public LiveException(LiveError error, String reason) {
        super(reason, null, false, false);
        this.error = error;
    }

    public LiveError error() {
        return error;
    }

    /** The code on the wire. */
    public String code() {
        return error.code();
    }
}
