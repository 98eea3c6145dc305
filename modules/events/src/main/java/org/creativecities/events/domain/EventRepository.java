package org.creativecities.events.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where events, their RSVPs and calendar tokens are kept. */
public interface EventRepository {

    /**
     * Which events a listing considers: those that may have an occurrence in [from, to) (a recurring event from its
     * first start on), of a city and a field if given, published or visible to the caller.
     *
     * @param cityId      an organising city, if filtered
     * @param fieldId     a field, if filtered
     * @param from        the start of the window
     * @param to          the end of the window
     * @param viewer      the caller, who also sees their own proposals
     * @param coordinated the cities the caller coordinates, whose proposals they also see
     * @param everything  an administrator sees every proposal
     */
    record Query(Optional<Long> cityId, Optional<Long> fieldId, OffsetDateTime from, OffsetDateTime to,
                 Optional<Long> viewer, Set<Long> coordinated, boolean everything, Optional<Long> spaceId) {
    }

    Optional<Event> find(long id);

    /** The event, locked for the rest of the transaction (RSVPs of one event are decided one at a time). */
    Optional<Event> lock(long id);

    Event add(Event event);

    void remove(Event event);

    List<Event> candidates(Query query, int limit);

    /** Published events with one of the cities or fields, newest first, at most {@code limit}. */
    List<Event> published(Collection<Long> cityIds, Collection<Long> fieldIds, int limit);

    /** Published events the account answered going, waiting or interested. */
    List<Event> answeredBy(long accountId, int limit);

    Optional<Rsvp> rsvp(long eventId, long accountId);

    Rsvp addRsvp(Rsvp rsvp);

    void removeRsvp(Rsvp rsvp);

    long count(long eventId, Rsvp.State state);

    /** The waiting list, first waiter first. */
    List<Rsvp> waiting(long eventId);

    Optional<CalendarToken> token(long accountId);

    Optional<Long> accountOfToken(String tokenHash);

    CalendarToken addToken(CalendarToken token);

    /** Who answered the event with one of these states. */
    List<Long> answering(long eventId, Collection<Rsvp.State> states);

    /**
     * Locks the event's row for the caller's transaction unless another transaction holds it ({@code FOR UPDATE SKIP
     * LOCKED}): false then. The reminder scans of several nodes claim an event with it before they remember its
     * reminders, so that two never remind of the same occurrence at once; a scan that dies releases its claims.
     */
    boolean claimForReminders(long eventId);

    /**
     * Records that the account is reminded of the occurrence starting at {@code start}; false if it already was.
     * Callers hold the event's claim ({@link #claimForReminders}; the primary key refuses a second row).
     */
    boolean remember(long eventId, OffsetDateTime start, long accountId, OffsetDateTime now);

    /** The event whose live room this is, if any. */
    Optional<Event> ofRoom(long roomId);

    boolean seedRowImported(String key);

    void recordSeedRow(String key, Long eventId, OffsetDateTime at);
}
