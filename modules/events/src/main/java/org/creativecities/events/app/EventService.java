package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.events.EventsException;
import org.creativecities.events.app.EventDtos.Approval;
import org.creativecities.events.app.EventDtos.EventUpdate;
import org.creativecities.events.app.EventDtos.NewEvent;
import org.creativecities.events.domain.Event;
import org.creativecities.events.domain.EventRepository;

/**
 * An event's life: a coordinator of an organising city (or an administrator) creates it published; a plain member
 * of one proposes it, and a coordinator of one of its cities approves or declines the proposal; the proposer, those
 * coordinators and administrators change and delete it.
 */
@ApplicationScoped
public class EventService {

    @Inject
    private EventRepository events;

    @Inject
    private EventInput input;

    @Inject
    private EventAccess access;

    @Inject
    private Rsvps rsvps;

    @Inject
    private TimeSource time;

    @Inject
    private OnlineRooms rooms;

    @Inject
    private EventSpaces eventSpaces;

    @Transactional
    public Event create(Caller.Identity who, NewEvent body) {
        if (body == null) {
            throw EventsException.invalid("body", "An event needs a title, start, end, timeZone, place and cities.");
        }
        String title = input.title(body.title());
        String description = input.description(body.description());
        ZoneId zone = input.zone(body.timeZone());
        LocalDateTime start = input.time("start", body.start());
        LocalDateTime end = input.time("end", body.end());
        input.order(start, end, zone);
        EventInput.Place place = input.place(body.place());
        Set<Long> cities = input.cities(body.cities());
        Set<Long> fields = input.fields(body.fields());
        Integer capacity = input.capacity(body.capacity());
        Optional<String> rrule = Occurrences.rule("rrule", body.rrule());
        Optional<Long> space = body.space() == null ? Optional.empty() : eventSpaces.checked(who, body.space());
        Event.Status status = statusFor(who, cities);
        OffsetDateTime now = time.now();
        Event event = new Event(title, status, who.id(), now);
        event.describe(description, now);
        event.schedule(start, end, zone, now);
        event.place(place.kind(), place.cityId(), place.address(), now);
        event.organise(cities, fields, now);
        event.limit(capacity, now);
        event.recur(rrule.orElse(null), now);
        event.belongTo(space.orElse(null), now);
        Event added = events.add(event);
        rooms.give(who, added);
        return added;
    }

    /** Published for a coordinator of an organising city or an administrator; proposed for a plain member. */
    private Event.Status statusFor(Caller.Identity who, Set<Long> cities) {
        if (who.admin() || access.coordinated(who.id()).stream().anyMatch(cities::contains)) {
            return Event.Status.PUBLISHED;
        }
        if (access.memberOf(who.id()).stream().anyMatch(cities::contains)) {
            return Event.Status.PROPOSED;
        }
        throw EventsException.forbidden("Only members of an organising city can propose an event, and only its "
                + "coordinators can publish one.");
    }

    /** The event, if the caller may see it (a proposal is answered 404 to others, as if it did not exist). */
    @Transactional
    public Event get(Optional<Caller.Identity> who, long id) {
        return events.find(id).filter(e -> access.canSee(who, e))
                .orElseThrow(() -> EventsException.notFound("Event", Long.toString(id)));
    }

    @Transactional
    public Event update(Caller.Identity who, long id, EventUpdate body) {
        Event event = editable(who, id);
        if (body == null) {
            throw EventsException.invalid("body", "A JSON object with the properties to change.");
        }
        OffsetDateTime now = time.now();
        if (body.title() != null) {
            event.retitle(input.title(body.title()), now);
        }
        if (body.description() != null) {
            event.describe(input.description(body.description()), now);
        }
        if (body.start() != null || body.end() != null || body.timeZone() != null) {
            ZoneId zone = body.timeZone() == null ? event.zone() : input.zone(body.timeZone());
            LocalDateTime start = body.start() == null ? event.startsLocal() : input.time("start", body.start());
            LocalDateTime end = body.end() == null ? event.endsLocal() : input.time("end", body.end());
            input.order(start, end, zone);
            event.schedule(start, end, zone, now);
        }
        if (body.place() != null) {
            EventInput.Place place = input.place(body.place());
            event.place(place.kind(), place.cityId(), place.address(), now);
        }
        if (body.cities() != null || body.fields() != null) {
            Set<Long> cities = body.cities() == null ? event.cityIds() : input.cities(body.cities());
            if (!who.admin() && event.isPublished() && !event.cityIds().equals(cities)
                    && access.coordinated(who.id()).stream().noneMatch(cities::contains)) {
                throw EventsException.forbidden("A published event keeps at least one city you coordinate.");
            }
            event.organise(cities, body.fields() == null ? event.fieldIds() : input.fields(body.fields()), now);
        }
        if (body.space() != null) {
            event.belongTo(eventSpaces.checked(who, body.space()).orElse(null), now);
        }
        if (body.rrule() != null) {
            event.recur(Occurrences.rule("rrule", body.rrule()).orElse(null), now);
        }
        if (body.capacity() != null) {
            event.limit(input.capacity(body.capacity()), now);
            rsvps.fill(event);
        }
        return event;
    }

    @Transactional
    public void delete(Caller.Identity who, long id) {
        events.remove(editable(who, id));
    }

    /** A coordinator of an organising city (or an administrator) approves or declines a proposal. */
    @Transactional
    public Event decide(Caller.Identity who, long id, Approval body) {
        Event event = events.lock(id).filter(e -> access.canSee(Optional.of(who), e))
                .orElseThrow(() -> EventsException.notFound("Event", Long.toString(id)));
        if (!access.canDecide(who, event)) {
            throw EventsException.forbidden("Only coordinators of an organising city and administrators decide "
                    + "on a proposed event.");
        }
        if (body == null || body.decision() == null
                || !body.decision().equals("approve") && !body.decision().equals("decline")) {
            throw EventsException.invalid("decision", "'approve' or 'decline'.");
        }
        if (event.status() != Event.Status.PROPOSED) {
            throw EventsException.conflict("Not a proposal", "This event is " + event.status().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not waiting for a decision.");
        }
        event.decide(body.decision().equals("approve"), who.id(), time.now());
        rooms.give(who, event);
        return event;
    }

    private Event editable(Caller.Identity who, long id) {
        Event event = events.lock(id).filter(e -> access.canSee(Optional.of(who), e))
                .orElseThrow(() -> EventsException.notFound("Event", Long.toString(id)));
        if (!access.canEdit(who, event)) {
            throw EventsException.forbidden("Only the event's proposer, coordinators of its cities and "
                    + "administrators can change it.");
        }
        return event;
    }
}
