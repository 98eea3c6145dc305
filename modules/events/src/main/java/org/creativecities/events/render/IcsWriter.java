package org.creativecities.events.render;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import org.creativecities.events.domain.Event;

/**
 * Writes events as an iCalendar document (RFC 5545) with ical4j: one VEVENT per event (a series with its RRULE),
 * its DTSTART and DTEND in the organiser's zone ({@code TZID}, with the zone's VTIMEZONE), a stable UID, SUMMARY,
 * DESCRIPTION (the Markdown source), LOCATION and the event's URL.
 */
public final class IcsWriter {

    /** The calendar's product id. */
    static final String PRODUCT = "-//Creative Cities Commons//Events//EN";

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * One event as a calendar shows it.
     *
     * @param event    the event
     * @param location where it happens, in words
     * @param url      its page's absolute URL
     */
    public record Entry(Event event, String location, String url) {
    }

    private IcsWriter() {
    }

    /** The document, named {@code name} (X-WR-CALNAME), as text with CRLF line ends. */
    public static String write(String name, String host, List<Entry> entries) {
        Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zones = new LinkedHashSet<>();
        for (Entry entry : entries) {
            zones.add(entry.event().zone().getId());
        }
        for (String zone : zones) {
            net.fortuna.ical4j.model.TimeZone tz = ZONES.getTimeZone(zone);
            if (tz != null) {
                calendar.add(tz.getVTimeZone());
            }
        }
        for (Entry entry : entries) {
            calendar.add(event(entry, host));
        }
        return calendar.toString();
    }

    private static VEvent event(Entry entry, String host) {
        Event e = entry.event();
        ZonedDateTime start = e.startsLocal().atZone(e.zone());
        ZonedDateTime end = e.endsLocal().atZone(e.zone());
        VEvent v = new VEvent(start, end, e.title());
        v.add(new Uid("event-" + e.id() + "@" + host));
        v.replace(new DtStamp(e.updatedAt().toInstant()));
        v.add(new LastModified(e.updatedAt().toInstant()));
        e.description().ifPresent(d -> v.add(new Description(d)));
        if (entry.location() != null && !entry.location().isBlank()) {
            v.add(new Location(entry.location()));
        }
        v.add(new Url(URI.create(entry.url())));
        e.rrule().ifPresent(r -> v.add(new RRule<>(new Recur<ZonedDateTime>(r))));
        return v;
    }
}
