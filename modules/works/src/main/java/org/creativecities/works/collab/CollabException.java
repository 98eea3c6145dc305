package org.creativecities.works.collab;

/**
 * A refused co-editing request: its {@link #code()} is the error code on the wire (docs/protocol.md, "Co-editing"),
 * its message is for the person. The frame adapter turns it into an {@code error} frame naming the work.
 */
public class CollabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Not a well-formed frame of its type. */
    public static final String BAD_FRAME = "bad-frame";
    /** The changes are not a change set, or do not apply to the document at the version named. */
    public static final String BAD_CHANGES = "bad-changes";
    /** Over the update or document size limit. */
    public static final String TOO_LARGE = "too-large";
    /** The connection is a visitor. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** No such work, not a text work, or one the caller may not open. */
    public static final String NOT_FOUND = "not-found";
    /** The caller may read the document but not change it. */
    public static final String FORBIDDEN = "forbidden";
    /** The connection has not joined the document. */
    public static final String NOT_JOINED = "not-joined";
    /** The client asked for more history than is replayed: join again. */
    public static final String TOO_FAR_BEHIND = "too-far-behind";

    private final String code;

    public CollabException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
