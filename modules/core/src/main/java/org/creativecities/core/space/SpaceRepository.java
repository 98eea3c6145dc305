package org.creativecities.core.space;

import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.City;

/** Where spaces and rooms are kept. */
public interface SpaceRepository {

    Optional<Space> find(long id);

    Optional<Space> findBySlug(String slug);

    /** Spaces of one city (when {@code citySlug} is present) or network spaces of one field, or all. */
    List<Space> list(Optional<String> citySlug, Optional<String> fieldSlug, boolean includeArchived);

    Space add(Space space);

    Optional<Room> findRoom(long id);

    /** The room with its row locked until the transaction ends, to take sequence numbers. */
    Optional<Room> lockRoom(long id);

    /**
     * A room's sequence as its row says, read with the row locked until the transaction ends: what the rooms'
     * writers need to take sequence numbers, without building the room, its space and its city.
     *
     * @param lastSeq         the room's last sequence number
     * @param slowModeSeconds the room's slow mode (0: none)
     */
    record RoomSequence(long lastSeq, int slowModeSeconds) {
    }

    /** The room's sequence with its row locked until the transaction ends; empty if there is no such room. */
    Optional<RoomSequence> lockSequence(long roomId);

    /** Sets a room's last sequence number; only with its row locked in this transaction ({@link #lockSequence}). */
    void advanceSequence(long roomId, long lastSeq);

    List<Room> rooms(long spaceId, boolean includeArchived);

    /** The last seq of each of the rooms that exist, as committed now, by room id: one query, no lock. */
    java.util.Map<Long, Long> lastSeqs(java.util.Collection<Long> roomIds);

    Room addRoom(Room room);

    /**
     * Rooms of one kind, in one city's spaces or everywhere, newest first, a page at a time.
     *
     * @param first the index of the first room of the page
     * @param max   the most rooms in the page
     */
    List<Room> roomsOfKind(String kind, Optional<String> citySlug, int first, int max);

    /** Removes a room and its room sanctions; what else refers to it is removed before (a room's deletion). */
    void removeRoom(Room room);

    /** Adds spaces, each with its first room, in one write (for the many default spaces of a first start). */
    void addAll(List<Room> firstRooms);

    /** Cities that have no space yet. */
    List<City> citiesWithoutSpace();
}
