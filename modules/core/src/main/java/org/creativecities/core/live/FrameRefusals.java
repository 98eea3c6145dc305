package org.creativecities.core.live;

import java.util.Set;

/**
 * Answers refused and failed frames with an {@code error} frame, never with a stack trace or a Java name, and logs
 * them without letting clients fill the log ({@link RejectLog}): a refusal of a frame as such (malformed, too deep, a
 * bad number, over the rate) and a failure of the server's own are logged; a refusal of what a well-formed frame asks
 * for is only answered.
 */
final class FrameRefusals {

    /** The refusals of a frame as such (not of what it asks for), logged through {@link RejectLog}. */
    private static final Set<LiveError> FRAME_REFUSALS = Set.of(LiveError.BAD_FRAME, LiveError.TOO_DEEP,
            LiveError.BAD_NUMBER);

    private final RejectLog rejects;

    FrameRefusals(RejectLog rejects) {
        this.rejects = rejects;
    }

    /** A frame over a rate limit; dropped unparsed, answered with its id if it has one. */
    void rateLimited(Connection c, String text) {
        rejects.refused(LiveError.RATE_LIMITED.code());
        c.send(Frames.error(LiveError.RATE_LIMITED.code(), "Too many frames; slow down.",
                FrameDecoder.idOf(text).orElse(null), null));
    }

    /** Answers a frame that was refused ({@link LiveException}) or failed. */
    void refused(Connection c, RuntimeException failure, String frameId, Long roomId) {
        if (failure instanceof LiveException e) {
            if (FRAME_REFUSALS.contains(e.error())) {
                rejects.refused(e.code());
            }
            c.send(Frames.error(e.code(), e.getMessage(), frameId, roomId));
        } else {
            rejects.failed(failure);
            c.send(Frames.error(LiveError.INTERNAL.code(), "The server could not handle this frame; try again.",
                    frameId, roomId));
        }
    }
}
