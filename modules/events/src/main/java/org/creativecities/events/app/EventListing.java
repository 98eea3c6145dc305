package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.events.app.EventDtos.EventList;
import org.creativecities.events.app.EventDtos.Occurrence;
import org.creativecities.events.domain.Event;
import org.creativecities.events.domain.EventRepository;
import org.creativecities.events.domain.Rsvp;

/**
 * Lists the occurrences of the events the caller may see in a window, recurring events expanded by their RRULE,
 * ordered by start; a visitor and a member see published events, and their own and their cities' proposals too.
 */
@ApplicationScoped
public class EventListing {

    /** The most occurrences one listing returns. */
    public static final int MAX_ITEMS = 500;

    @Inject
    private EventRepository events;

    @Inject
    private EventAccess access;

    @Inject
    private EventViews views;

    @Inject
    private EventInput input;

    @Transactional
    public EventList list(Optional<Caller.Identity> who, Optional<String> city, Optional<String> field,
                          Optional<Long> space, OffsetDateTime from, OffsetDateTime to) {
        Optional<Long> cityId = city.map(c -> input.city("city", c).id());
        Optional<Long> fieldId = field.map(f -> input.field("field", f).id());
        Set<Long> coordinated = who.map(w -> access.coordinated(w.id())).orElse(Set.of());
        EventRepository.Query query = new EventRepository.Query(cityId, fieldId, from, to, who.map(Caller.Identity::id),
                coordinated, who.map(Caller.Identity::admin).orElse(false), space);
        List<Occurrence> items = new ArrayList<>();
        boolean truncated = false;
        for (Event e : events.candidates(query, MAX_ITEMS + 1)) {
            List<Occurrences.Span> spans = Occurrences.between(e, from, to, MAX_ITEMS + 1);
            if (spans.isEmpty()) {
                continue;
            }
            Optional<String> mine = who.flatMap(w -> events.rsvp(e.id(), w.id())).map(r -> Rsvps.name(r.state()));
            long going = events.count(e.id(), Rsvp.State.GOING);
            for (Occurrences.Span span : spans) {
                items.add(views.occurrence(e, span, mine, going));
            }
        }
        items.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::id));
        if (items.size() > MAX_ITEMS) {
            truncated = true;
            items = items.subList(0, MAX_ITEMS);
        }
        return new EventList(from, to, List.copyOf(items), truncated);
    }
}
