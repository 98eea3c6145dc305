package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.creativecities.core.city.CatalogueSlugs;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.live.SafeMarkdown;
import org.creativecities.events.EventsException;
import org.creativecities.events.app.EventDtos.PlaceInput;
import org.creativecities.events.domain.Event;

/** Checks an event's input, one field at a time, each failure a 400 naming the field. */
@ApplicationScoped
public class EventInput {

    static final int MAX_TITLE = 200;
    static final int MAX_ADDRESS = 500;
    static final int MAX_CITIES = 20;
    static final int MAX_FIELDS = 8;
    static final int MAX_CAPACITY = 100_000;

    /** A place, checked: its kind, city id (or null) and address (or null). */
    public record Place(Event.PlaceKind kind, Long cityId, String address) {
    }

    @Inject
    private CatalogueSlugs catalogue;

    public String title(String raw) {
        if (raw == null || raw.isBlank()) {
            throw EventsException.invalid("title", "An event needs a title.");
        }
        String t = raw.strip();
        if (t.length() > MAX_TITLE) {
            throw EventsException.invalid("title", "At most " + MAX_TITLE + " characters.");
        }
        return t;
    }

    /** The Markdown description (rendered with the core's renderer when shown), or null. */
    public String description(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > SafeMarkdown.MAX_TEXT) {
            throw EventsException.invalid("description", "At most " + SafeMarkdown.MAX_TEXT + " characters.");
        }
        return raw;
    }

    public ZoneId zone(String raw) {
        if (raw == null || raw.isBlank()) {
            throw EventsException.invalid("timeZone", "The organiser's IANA time zone, e.g. Europe/Paris.");
        }
        if (raw.length() > 64 || !raw.contains("/") && !"UTC".equals(raw)) {
            throw EventsException.invalid("timeZone", "Not an IANA time zone (e.g. Europe/Paris, America/Denver).");
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw EventsException.invalid("timeZone", "Not an IANA time zone (e.g. Europe/Paris, America/Denver).");
        }
    }

    public LocalDateTime time(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw EventsException.invalid(field, "A local date and time, e.g. 2026-05-01T18:00.");
        }
        if (raw.length() > 32) {
            throw EventsException.invalid(field, "A local date and time, e.g. 2026-05-01T18:00.");
        }
        try {
            LocalDateTime t = LocalDateTime.parse(raw);
            if (t.getYear() < 1900 || t.getYear() > 2200) {
                throw EventsException.invalid(field, "A year between 1900 and 2200.");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw EventsException.invalid(field, "A local date and time without zone, e.g. 2026-05-01T18:00.");
        }
    }

    public void order(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        if (!end.atZone(zone).isAfter(start.atZone(zone))) {
            throw EventsException.invalid("end", "The end must be after the start.");
        }
    }

    public Place place(PlaceInput raw) {
        if (raw == null || raw.kind() == null) {
            throw EventsException.invalid("place.kind", "One of 'city', 'address' or 'online'.");
        }
        Event.PlaceKind kind = switch (raw.kind()) {
            case "city" -> Event.PlaceKind.CITY;
            case "address" -> Event.PlaceKind.ADDRESS;
            case "online" -> Event.PlaceKind.ONLINE;
            default -> throw EventsException.invalid("place.kind", "One of 'city', 'address' or 'online'.");
        };
        Long cityId = raw.city() == null || raw.city().isBlank() || kind == Event.PlaceKind.ONLINE ? null
                : city("place.city", raw.city()).id();
        if (kind == Event.PlaceKind.CITY && cityId == null) {
            throw EventsException.invalid("place.city", "A place of kind 'city' names the city's slug.");
        }
        String address = null;
        if (kind == Event.PlaceKind.ADDRESS) {
            if (raw.address() == null || raw.address().isBlank()) {
                throw EventsException.invalid("place.address", "A place of kind 'address' gives the address.");
            }
            address = raw.address().strip();
            if (address.length() > MAX_ADDRESS) {
                throw EventsException.invalid("place.address", "At most " + MAX_ADDRESS + " characters.");
            }
        }
        return new Place(kind, cityId, address);
    }

    /** The organising cities' ids: one at least, active (not retired) cities, by slug. */
    public Set<Long> cities(List<String> slugs) {
        return catalogue.cities("cities", slugs, MAX_CITIES, EventsException::invalid);
    }

    /** The fields' ids, each checked against the core's field catalogue. */
    public Set<Long> fields(List<String> slugs) {
        return catalogue.fields("fields", slugs, MAX_FIELDS, EventsException::invalid);
    }

    public City city(String field, String slug) {
        return catalogue.city(field, slug, EventsException::invalid);
    }

    public CreativeField field(String name, String slug) {
        return catalogue.field(name, slug, EventsException::invalid);
    }

    public Integer capacity(Integer raw) {
        if (raw == null) {
            return null;
        }
        if (raw < 1 || raw > MAX_CAPACITY) {
            throw EventsException.invalid("capacity", "Between 1 and " + MAX_CAPACITY + ", or none for no limit.");
        }
        return raw;
    }
}
