package org.creativecities.core.activity;

import java.time.OffsetDateTime;

/** What the activity feed answers. */
public final class ActivityDtos {

    private ActivityDtos() {
    }

    /** The kinds of public event the feed lists. */
    public enum Kind {
        /** A city was added to the network after the initial catalogue. */
        CITY_JOINED,
        /** A person became an active member of a city (their name is public on the city's member list). */
        MEMBER_JOINED,
        /** A coordinator or administrator opened a room in a public space. */
        ROOM_OPENED,
        /** People wrote in a room of a public space; only the time of the latest message is shown. */
        DISCUSSION
    }

    /** A city an event belongs to. */
    public record CityRef(String slug, String name, String countryCode, String field) {
    }

    /** A room of a public space. */
    public record RoomRef(long id, String name, String kind, long spaceId, String spaceName) {
    }

    /**
     * One event.
     *
     * @param kind   what happened
     * @param at     when (for a discussion: its latest message)
     * @param city   the city, when the event belongs to one
     * @param person the display name of the member who joined (member events only)
     * @param room   the room (room and discussion events only)
     * @param field  the network field of a field space (room and discussion events in a field space only)
     */
    public record Activity(Kind kind, OffsetDateTime at, CityRef city, String person, RoomRef room, String field) {
    }
}
