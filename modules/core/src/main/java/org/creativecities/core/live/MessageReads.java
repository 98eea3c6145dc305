package org.creativecities.core.live;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only access to the stored messages of live rooms and to who may read them, for read models built outside
 * the core (the search index): each message as readers see it now (text after edits; deleted ones are gone), the
 * room's reading rules, and a reader's standing (memberships, bans). Nothing here checks the caller's rights: the
 * read model applies the rules it is given.
 */
public interface MessageReads {

    /**
     * A message as readers see it now.
     *
     * @param eventId   the row's id, increasing in the order messages were stored (a keyset for paging)
     * @param roomId    its room
     * @param seq       its number in the room
     * @param authorId  who posted it
     * @param author    the author's name at the time
     * @param text      the Markdown text, after edits
     * @param createdAt when it was posted
     * @param editedAt  when it was last edited, if it was
     */
    record StoredMessage(long eventId, long roomId, long seq, long authorId, String author, String text,
                         OffsetDateTime createdAt, Optional<OffsetDateTime> editedAt) {
    }

    /**
     * Who may read a room.
     *
     * @param roomId      the room
     * @param roomName    its name
     * @param spaceId     its space
     * @param spaceName   its space's name
     * @param publicSpace whether anyone may read it (a public space); otherwise its space's members only
     * @param citySlug    the city of a city space
     * @param field       the field of a network space, or the current field of the city of a city space
     * @param fieldSpace  true for a network space of one field (its members: active members of a city of that
     *                    field), false for a city space (its members: the city's active members)
     */
    record RoomAccess(long roomId, String roomName, long spaceId, String spaceName, boolean publicSpace,
                      Optional<String> citySlug, Optional<String> field, boolean fieldSpace) {
    }

    /**
     * A reader's standing, as the rules of spaces use it (see {@code SpaceService}).
     *
     * @param admin        a network administrator (reads every space)
     * @param cities       the cities the reader is an active member of
     * @param fields       the current fields of those cities
     * @param bannedSpaces spaces the reader is banned from now (space-wide)
     * @param bannedRooms  rooms the reader is banned from now
     */
    record Reader(boolean admin, Set<String> cities, Set<String> fields, Set<Long> bannedSpaces,
                  Set<Long> bannedRooms) {
    }

    /** Up to {@code limit} live messages stored after the message row {@code afterEventId}, in storage order. */
    List<StoredMessage> messagesAfter(long afterEventId, int limit);

    /** Up to {@code limit} live messages of one room after its number {@code afterSeq}, in order. */
    List<StoredMessage> messagesOfRoom(long roomId, long afterSeq, int limit);

    /** One message, unless it does not exist or was deleted. */
    Optional<StoredMessage> message(long roomId, long seq);

    /** A room's reading rules, if it exists. */
    Optional<RoomAccess> room(long roomId);

    /** The public spaces (anyone may read them; their archived rooms too). */
    Set<Long> publicSpaces();

    /** The standing of an account; empty if there is no such account. */
    Optional<Reader> reader(long accountId);

    /**
     * A fingerprint of the messages' stored state: it changes with every message posted, edited or deleted in any
     * room (reactions leave it alone).
     */
    String fingerprint();
}
