package org.creativecities.core.live;

import java.util.List;
import java.util.Optional;

/** Where room events are kept. */
public interface RoomEventRepository {

    Optional<RoomEvent> findByClientMessageId(long roomId, long authorId, String clientMessageId);

    Optional<RoomEvent> findMessage(long roomId, long seq);

    /** Events with seq greater than {@code afterSeq}, ascending, at most {@code limit}. */
    List<RoomEvent> after(long roomId, long afterSeq, int limit);

    /** Events with seq less than {@code beforeSeq}, the newest first, at most {@code limit}. */
    List<RoomEvent> before(long roomId, long beforeSeq, int limit);

    /** The author's latest message in the room. */
    Optional<RoomEvent> latestMessageOf(long roomId, long authorId);

    RoomEvent add(RoomEvent event);

    /** Deletes every event of a room (its deletion). */
    void deleteOfRoom(long roomId);
}
