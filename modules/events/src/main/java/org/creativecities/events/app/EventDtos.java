package org.creativecities.events.app;

import java.time.OffsetDateTime;
import java.util.List;

/** The request and response bodies of the events API. */
public final class EventDtos {

    private EventDtos() {
    }

    /**
     * Where an event happens: {@code kind} 'city' (with {@code city}, a slug), 'address' (with {@code address}, and
     * optionally {@code city}) or 'online'.
     */
    public record PlaceInput(String kind, String city, String address) {
    }

    /**
     * A new event. {@code start} and {@code end} are local date-times ({@code 2026-05-01T18:00}) in {@code timeZone},
     * the organiser's IANA zone ({@code Europe/Paris}); {@code cities} are the organising cities' slugs and
     * {@code fields} the creative fields' slugs; {@code capacity} counts people going (none: unlimited);
     * {@code rrule} is an RFC 5545 recurrence rule ({@code FREQ=WEEKLY;COUNT=4}); {@code space} the id of a space
     * the caller manages that the event belongs to (a project's own space, for its leads: the project's events).
     */
    public record NewEvent(String title, String description, String start, String end, String timeZone,
                           PlaceInput place, List<String> cities, List<String> fields, Integer capacity,
                           String rrule, Long space) {
    }

    /**
     * A change: only the properties given change; an empty {@code rrule} stops the recurrence; {@code space} 0
     * makes the event belong to no space.
     */
    public record EventUpdate(String title, String description, String start, String end, String timeZone,
                              PlaceInput place, List<String> cities, List<String> fields, Integer capacity,
                              String rrule, Long space) {
    }

    /** A coordinator's answer to a proposed event: {@code decision} 'approve' or 'decline'. */
    public record Approval(String decision) {
    }

    /** An RSVP: {@code status} 'going', 'interested' or 'not_going'. */
    public record RsvpRequest(String status) {
    }

    public record CityRef(String slug, String name) {
    }

    public record PersonRef(long accountId, String displayName) {
    }

    /** Where: {@code kind} 'city', 'address' or 'online', with the city and address when there are. */
    public record PlaceView(String kind, CityRef city, String address) {
    }

    /**
     * The caller's answer: {@code status} 'going', 'waiting' (a 'going' on the waiting list, at {@code position},
     * 1 first), 'interested' or 'not_going'; with the event's counts.
     */
    public record RsvpView(long eventId, String status, Integer position, long going, long waiting, Integer capacity) {
    }

    /**
     * An event. {@code start} and {@code end} are instants (UTC); {@code localStart} and {@code localEnd} the
     * organiser's wall-clock times in {@code timeZone}. {@code recurring} with {@code rrule}; {@code myRsvp} is null
     * for a visitor or without an answer. {@code room}: a published online event's live room (join it over /ws from
     * {@code ccc.events.room-opens-minutes} before the start).
     */
    public record EventView(long id, String title, String description, String descriptionHtml, String status,
                            OffsetDateTime start, OffsetDateTime end, String timeZone, String localStart,
                            String localEnd, PlaceView place, List<CityRef> cities, List<String> fields,
                            Integer capacity, long going, long waiting, long interested, String rrule,
                            PersonRef organiser, RsvpView myRsvp, String ics, boolean canEdit,
                            boolean canDecide, Long room, Long space) {
    }

    /**
     * One occurrence in a listing: a single event's only one, or one of a series' ({@code recurring}). {@code start}
     * and {@code end} are this occurrence's instants; {@code seriesStart} the series' first.
     */
    public record Occurrence(long id, String title, String status, OffsetDateTime start, OffsetDateTime end,
                             String timeZone, OffsetDateTime seriesStart, boolean recurring, PlaceView place,
                             List<CityRef> cities, List<String> fields, Integer capacity, long going,
                             String myRsvp, String ics, Long space) {
    }

    /** The occurrences in [from, to), by start; {@code truncated} when there were more than the limit. */
    public record EventList(OffsetDateTime from, OffsetDateTime to, List<Occurrence> items, boolean truncated) {
    }

    /** A person's "my events" feed: its secret URL (shown once: only a hash is kept). */
    public record CalendarFeed(String url, OffsetDateTime createdAt) {
    }

    /**
     * What one "starting soon" scan did.
     *
     * @param occurrences occurrences starting within the lead time
     * @param reminded    people reminded now (each once per occurrence)
     */
    public record ReminderRun(int occurrences, int reminded) {
    }
}
