package org.creativecities.plugin.api.hook;

import java.time.Instant;

/**
 * Something that happened in the platform, delivered after it was committed. New event types may be
 * added in minor versions of the API: a listener must ignore types it does not know.
 */
public interface CommonsEvent {

    /** When it happened. */
    Instant at();

    /**
     * A city's profile changed.
     *
     * @param citySlug the city
     * @param change   {@code created}, {@code updated}, {@code retired}, {@code reinstated} or {@code designated}
     * @param at       when
     */
    record CityUpdated(String citySlug, String change, Instant at) implements CommonsEvent {
    }

    /**
     * Someone became an active member of a city (joined an open city or was approved).
     *
     * @param citySlug  the city
     * @param accountId who
     * @param at        when
     */
    record MemberJoined(String citySlug, long accountId, Instant at) implements CommonsEvent {
    }

    /**
     * Someone left a city or was removed from it.
     *
     * @param citySlug  the city
     * @param accountId who
     * @param at        when
     */
    record MemberLeft(String citySlug, long accountId, Instant at) implements CommonsEvent {
    }

    /**
     * A message was stored in a live room (fired by the live-room engine, API 1.1).
     *
     * @param roomId   the room
     * @param citySlug the room's city; empty for network-wide spaces
     * @param authorId the author
     * @param sequence its sequence number in the room
     * @param at       when
     */
    record MessagePosted(String roomId, String citySlug, long authorId, long sequence, Instant at)
            implements CommonsEvent {
    }

    /**
     * A live room was opened.
     *
     * @param roomId   the room
     * @param citySlug its city; empty for network-wide spaces
     * @param kind     its kind
     * @param at       when
     */
    record RoomOpened(String roomId, String citySlug, String kind, Instant at) implements CommonsEvent {
    }

    /**
     * A live room was closed (archived).
     *
     * @param roomId   the room
     * @param citySlug its city; empty for network-wide spaces
     * @param at       when
     */
    record RoomClosed(String roomId, String citySlug, Instant at) implements CommonsEvent {
    }
}
