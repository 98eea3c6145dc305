package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.Caller;
import org.creativecities.events.EventsException;
import org.creativecities.events.domain.Event;
import org.creativecities.events.domain.EventRepository;
import org.creativecities.events.render.IcsWriter;

/**
 * The iCalendar documents: one event, and the subscribable feeds of a city's events, a field's, and a person's
 * ("my events": those they answered going, waiting or interested, found by their secret token). Feeds carry the
 * {@link #MAX_FEED} events that start last, a recurring event once with its RRULE.
 */
@ApplicationScoped
public class CalendarFeeds {

    /** The most events in one feed. */
    public static final int MAX_FEED = 500;

    @Inject
    private EventService service;

    @Inject
    private EventRepository events;

    @Inject
    private EventInput input;

    @Inject
    private EventViews views;

    @Inject
    private CalendarTokens tokens;

    /** One event the caller may see, at {@code base} (the site's URL, e.g. https://example.org). */
    @Transactional
    public String event(Optional<Caller.Identity> who, long id, String base) {
        Event event = service.get(who, id);
        return IcsWriter.write(event.title(), host(base), List.of(entry(event, base)));
    }

    @Transactional
    public String city(String slug, String base) {
        City city = known(() -> input.city("slug", slug));
        return feed(city.name() + " — Creative Cities events", base,
                events.published(Set.of(city.id()), Set.of(), MAX_FEED));
    }

    @Transactional
    public String field(String slug, String base) {
        CreativeField field = known(() -> input.field("field", slug));
        return feed(field.name() + " — Creative Cities events", base,
                events.published(Set.of(), Set.of(field.id()), MAX_FEED));
    }

    /** A person's events, by their feed token; 404 for a token that is not (or no longer) anyone's. */
    @Transactional
    public String mine(String token, String base) {
        long account = tokens.account(token)
                .orElseThrow(() -> EventsException.notFound("Calendar feed", "(this token)"));
        return feed("My Creative Cities events", base, events.answeredBy(account, MAX_FEED));
    }

    private String feed(String name, String base, List<Event> list) {
        return IcsWriter.write(name, host(base), list.stream().map(e -> entry(e, base)).toList());
    }

    private IcsWriter.Entry entry(Event e, String base) {
        return new IcsWriter.Entry(e, views.placeName(e).orElse(null), base + "/events/" + e.id());
    }

    /** An unknown city or field of a feed's path is a 404, not a 400. */
    private static <T> T known(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (EventsException e) {
            throw new EventsException(404, "Not found", e.errors().isEmpty() ? e.getMessage()
                    : e.errors().get(0).message(), List.of());
        }
    }

    private static String host(String base) {
        return java.net.URI.create(base).getHost();
    }
}
