package org.creativecities.core.live;

/**
 * A stored message was edited or deleted (new messages are announced by {@link LiveService.MessagePosted}). Fired in
 * the transaction that changed it; observers that must only see committed changes observe it after success (the
 * search index reads the message again then).
 *
 * @param roomId  the room
 * @param seq     the message's number in the room
 * @param deleted true when it was deleted, false when its text was edited
 */
public record MessageChanged(long roomId, long seq, boolean deleted) {
}
