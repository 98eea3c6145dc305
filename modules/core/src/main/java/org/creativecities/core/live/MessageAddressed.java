package org.creativecities.core.live;

import java.util.List;
import java.util.Optional;

/**
 * A new message speaks to people: it mentions them, or it answers one of their messages. Fired in the transaction
 * that stored it; observers that must see only committed messages (the notification centre) observe it
 * {@code AFTER_SUCCESS}.
 *
 * @param roomId     the room
 * @param seq        the message's number in the room
 * @param authorId   who wrote it
 * @param authorName their name
 * @param text       the message's Markdown text
 * @param mentioned  the people it mentions that can read the room (never the author)
 * @param repliedTo  the author of the message it answers, unless it answers none or the author's own message
 */
public record MessageAddressed(long roomId, long seq, long authorId, String authorName, String text,
                               List<Long> mentioned, Optional<Long> repliedTo) {
}
