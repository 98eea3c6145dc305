package org.creativecities.core.live;

/**
 * What a client joining a room with {@code since} gets: nothing to replay, the events after {@code since},
 * or a reset (it is too far behind, or claims a future it cannot have seen).
 *
 * @param action what to do
 * @param from   the first sequence number to replay (REPLAY only)
 * @param to     the last sequence number to replay (REPLAY only)
 */
public record ResumePlan(Action action, long from, long to) {

    /** The decision. */
    public enum Action { NONE, REPLAY, RESET }

    /**
     * Decides how a client resumes.
     *
     * @param since     the last sequence number the client saw, or null for a fresh join (nothing replayed)
     * @param lastSeq   the room's latest sequence number
     * @param maxReplay the most events replayed over the socket; more means reset
     */
    public static ResumePlan decide(Long since, long lastSeq, int maxReplay) {
        if (since == null || since == lastSeq) {
            return new ResumePlan(Action.NONE, 0, 0);
        }
        if (since < 0 || since > lastSeq || lastSeq - since > maxReplay) {
            return new ResumePlan(Action.RESET, 0, 0);
        }
        return new ResumePlan(Action.REPLAY, since + 1, lastSeq);
    }
}
