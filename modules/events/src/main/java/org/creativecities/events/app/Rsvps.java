package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.events.EventsException;
import org.creativecities.events.app.EventDtos.RsvpView;
import org.creativecities.events.domain.Event;
import org.creativecities.events.domain.EventRepository;
import org.creativecities.events.domain.Rsvp;

/**
 * RSVPs and the waiting list. Every change locks the event's row first ({@code SELECT ... FOR UPDATE}), so the
 * answers to one event are decided one at a time: the number going never exceeds the capacity, and a place freed by
 * a withdrawal goes to the first waiter in the same transaction, once. A recurring event is answered as a series.
 */
@ApplicationScoped
public class Rsvps {

    @Inject
    private EventRepository events;

    @Inject
    private EventAccess access;

    @Inject
    private TimeSource time;

    /** Answers 'going' (or the waiting list when full), 'interested' or 'not_going'. */
    @Transactional
    public RsvpView answer(Caller.Identity who, long eventId, String status) {
        Rsvp.State wanted = state(status);
        Event event = answerable(who, eventId);
        OffsetDateTime now = time.now();
        Optional<Rsvp> existing = events.rsvp(eventId, who.id());
        boolean wasGoing = existing.map(r -> r.state() == Rsvp.State.GOING).orElse(false);
        Rsvp.State next = wanted;
        if (wanted == Rsvp.State.GOING) {
            Rsvp.State current = existing.map(Rsvp::state).orElse(null);
            if (current == Rsvp.State.GOING || current == Rsvp.State.WAITING) {
                next = current;
            } else if (full(event)) {
                next = Rsvp.State.WAITING;
            }
        }
        Rsvp rsvp;
        if (existing.isPresent()) {
            rsvp = existing.get();
            rsvp.answer(next, now);
        } else {
            rsvp = events.addRsvp(new Rsvp(eventId, who.id(), next, now));
        }
        if (wasGoing && next != Rsvp.State.GOING) {
            fill(event);
        }
        return view(event, Optional.of(rsvp));
    }

    /** Withdraws the caller's answer; a place it frees goes to the first waiter. */
    @Transactional
    public RsvpView withdraw(Caller.Identity who, long eventId) {
        Event event = answerable(who, eventId);
        Optional<Rsvp> existing = events.rsvp(eventId, who.id());
        if (existing.isPresent()) {
            boolean wasGoing = existing.get().state() == Rsvp.State.GOING;
            events.removeRsvp(existing.get());
            if (wasGoing) {
                fill(event);
            }
        }
        return view(event, Optional.empty());
    }

    /** Promotes waiters, first first, while there are places (the event's row is locked by the caller). */
    void fill(Event event) {
        List<Rsvp> waiting = events.waiting(event.id());
        long going = events.count(event.id(), Rsvp.State.GOING);
        for (Rsvp r : waiting) {
            if (event.capacity().isPresent() && going >= event.capacity().get()) {
                return;
            }
            r.promote();
            going++;
        }
    }

    /** The caller's answer and the event's counts. */
    @Transactional
    public RsvpView mine(Optional<Caller.Identity> who, Event event) {
        return view(event, who.flatMap(w -> events.rsvp(event.id(), w.id())));
    }

    private RsvpView view(Event event, Optional<Rsvp> rsvp) {
        List<Rsvp> waiting = events.waiting(event.id());
        Integer position = null;
        if (rsvp.isPresent() && rsvp.get().state() == Rsvp.State.WAITING) {
            long id = rsvp.get().id();
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).id() == id) {
                    position = i + 1;
                }
            }
        }
        return new RsvpView(event.id(), rsvp.map(r -> name(r.state())).orElse(null), position,
                events.count(event.id(), Rsvp.State.GOING), waiting.size(), event.capacity().orElse(null));
    }

    private boolean full(Event event) {
        return event.capacity().isPresent() && events.count(event.id(), Rsvp.State.GOING) >= event.capacity().get();
    }

    private Event answerable(Caller.Identity who, long eventId) {
        Event event = events.lock(eventId).filter(e -> access.canSee(Optional.of(who), e))
                .orElseThrow(() -> EventsException.notFound("Event", Long.toString(eventId)));
        if (!event.isPublished()) {
            throw EventsException.conflict("Not published", "Only a published event takes RSVPs.");
        }
        if (event.rrule().isEmpty() && event.endsAt().isBefore(time.now())) {
            throw EventsException.conflict("Event over", "This event has ended.");
        }
        return event;
    }

    static Rsvp.State state(String status) {
        if (status == null) {
            throw EventsException.invalid("status", "'going', 'interested' or 'not_going'.");
        }
        return switch (status) {
            case "going" -> Rsvp.State.GOING;
            case "interested" -> Rsvp.State.INTERESTED;
            case "not_going" -> Rsvp.State.NOT_GOING;
            default -> throw EventsException.invalid("status", "'going', 'interested' or 'not_going'.");
        };
    }

    /** The API's name of a state: 'going', 'waiting', 'interested', 'not_going'. */
    public static String name(Rsvp.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
