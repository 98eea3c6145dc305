package org.creativecities.notifications.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Per-room read state, and the rooms a person entered with what is new in each ("my rooms"). */
public interface RoomReads {

    /**
     * A room a person entered, with who may read it (as {@code MessageReads.RoomAccess} describes it) and its news.
     *
     * @param citySlug    the city of a city space
     * @param field       the field of a network space of one field
     * @param lastSeq     the room's newest sequence number
     * @param readSeq     how far the person read it
     * @param unread      live messages by others after {@code readSeq}
     */
    record RoomState(long roomId, String roomName, long spaceId, String spaceName, boolean publicSpace,
                     Optional<String> citySlug, Optional<String> field, boolean archived, long lastSeq,
                     long readSeq, long unread) {
    }

    /** Marks the room read up to {@code seq} for the person (creating their read state for it). */
    void markRead(long accountId, long roomId, long seq, OffsetDateTime now);

    /** The rooms the person has read state for, with unread counts, in one query. */
    List<RoomState> roomsOf(long accountId);

    /** The room's newest sequence number, if the room exists. */
    Optional<Long> lastSeq(long roomId);
}
