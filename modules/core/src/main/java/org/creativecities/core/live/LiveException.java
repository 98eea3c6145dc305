package org.creativecities.core.live;

/**
 * A refused client frame: becomes an {@code error} frame with this code and reason (see docs/protocol.md);
 * the connection stays open.
 */
public class LiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public LiveException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
