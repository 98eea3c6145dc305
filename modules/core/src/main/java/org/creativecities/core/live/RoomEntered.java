package org.creativecities.core.live;

/**
 * A signed-in person joined a room over {@code /ws}: they have seen it up to its newest event. Fired in the join's
 * transaction; observe it {@code AFTER_SUCCESS} (per-room read state, "my rooms").
 *
 * @param accountId who joined
 * @param roomId    the room
 * @param lastSeq   the room's newest sequence number when they joined
 */
public record RoomEntered(long accountId, long roomId, long lastSeq) {
}
