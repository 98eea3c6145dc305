package org.creativecities.core.live;

/**
 * A manager of a room's space deleted someone else's message (moderation). Fired in the transaction that deleted
 * it; observe it {@code AFTER_SUCCESS}.
 *
 * @param roomId    the room
 * @param seq       the deleted message's number
 * @param authorId  who had written it
 * @param removedBy who deleted it
 */
public record MessageRemoved(long roomId, long seq, long authorId, long removedBy) {
}
