package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.SafeMarkdown;
import org.creativecities.events.app.EventDtos.CityRef;
import org.creativecities.events.app.EventDtos.EventView;
import org.creativecities.events.app.EventDtos.Occurrence;
import org.creativecities.events.app.EventDtos.PersonRef;
import org.creativecities.events.app.EventDtos.PlaceView;
import org.creativecities.events.app.EventDtos.RsvpView;
import org.creativecities.events.domain.Event;
import org.creativecities.events.domain.EventRepository;
import org.creativecities.events.domain.Rsvp;

/** Turns events into the API's views, with city names, field slugs and the caller's answer. */
@ApplicationScoped
public class EventViews {

    @Inject
    private CityRepository cities;

    @Inject
    private AccountRepository accounts;

    @Inject
    private EventRepository events;

    @Inject
    private EventAccess access;

    @Inject
    private Rsvps rsvps;

    @Transactional
    public EventView view(Optional<Caller.Identity> who, Event e) {
        RsvpView mine = rsvps.mine(who, e);
        PersonRef organiser = e.createdBy().flatMap(accounts::findById)
                .map(a -> new PersonRef(a.id(), a.displayName())).orElse(null);
        return new EventView(e.id(), e.title(), e.description().orElse(null),
                e.description().map(SafeMarkdown::html).orElse(""), status(e), e.startsAt(), e.endsAt(),
                e.zone().getId(), e.startsLocal().toString(), e.endsLocal().toString(), place(e), cityRefs(e.cityIds()),
                fieldSlugs(e.fieldIds()), e.capacity().orElse(null), mine.going(), mine.waiting(),
                events.count(e.id(), Rsvp.State.INTERESTED), e.rrule().orElse(null),
                organiser, mine.status() == null ? null : mine, ics(e),
                who.map(w -> access.canEdit(w, e)).orElse(false), who.map(w -> access.canDecide(w, e)).orElse(false),
                e.roomId().orElse(null), e.spaceId().orElse(null));
    }

    /** One occurrence of an event, as a listing shows it. */
    public Occurrence occurrence(Event e, Occurrences.Span span, Optional<String> myRsvp, long going) {
        return new Occurrence(e.id(), e.title(), status(e), span.start(), span.end(), e.zone().getId(), e.startsAt(),
                e.rrule().isPresent(), place(e), cityRefs(e.cityIds()), fieldSlugs(e.fieldIds()),
                e.capacity().orElse(null), going, myRsvp.orElse(null), ics(e), e.spaceId().orElse(null));
    }

    public PlaceView place(Event e) {
        CityRef city = e.placeCityId().flatMap(cities::findById).map(c -> new CityRef(c.slug(), c.name())).orElse(null);
        return new PlaceView(e.placeKind().name().toLowerCase(java.util.Locale.ROOT), city, e.address().orElse(null));
    }

    public List<CityRef> cityRefs(Collection<Long> ids) {
        return ids.stream().map(cities::findById).flatMap(Optional::stream)
                .map(c -> new CityRef(c.slug(), c.name())).sorted(java.util.Comparator.comparing(CityRef::name))
                .toList();
    }

    public List<String> fieldSlugs(Collection<Long> ids) {
        Map<Long, String> all = cities.fields().stream().collect(Collectors.toMap(CreativeField::id,
                CreativeField::slug));
        return ids.stream().map(all::get).filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** The city names of an event, for a calendar's LOCATION. */
    public Optional<String> placeName(Event e) {
        Optional<String> city = e.placeCityId().flatMap(cities::findById).map(City::name);
        return switch (e.placeKind()) {
            case ONLINE -> Optional.of("Online");
            case CITY -> city;
            case ADDRESS -> Optional.of(e.address().orElse("") + city.map(c -> ", " + c).orElse(""));
        };
    }

    static String status(Event e) {
        return e.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    static String ics(Event e) {
        return "/api/events/" + e.id() + ".ics";
    }
}
