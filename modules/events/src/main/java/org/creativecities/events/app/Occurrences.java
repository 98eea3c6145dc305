package org.creativecities.events.app;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.creativecities.events.EventsException;
import org.creativecities.events.domain.Event;

/**
 * Recurrence by RFC 5545 RRULE, with ical4j (never hand-written): validates a rule and expands an event's
 * occurrences in a window, in the organiser's zone (so a weekly 18:00 stays 18:00 across a change of daylight
 * saving time).
 */
public final class Occurrences {

    /** The longest rule accepted. */
    public static final int MAX_RULE = 500;

    private Occurrences() {
    }

    /** One occurrence's start and end. */
    public record Span(OffsetDateTime start, OffsetDateTime end) {
    }

    /** The rule, normalised (no {@code RRULE:} prefix), or a 400 naming {@code field}. */
    public static Optional<String> rule(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        text = text.toUpperCase(Locale.ROOT);
        if (text.length() > MAX_RULE) {
            throw EventsException.invalid(field, "At most " + MAX_RULE + " characters.");
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(text);
        } catch (RuntimeException e) {
            throw EventsException.invalid(field, "Not an RFC 5545 recurrence rule (e.g. FREQ=WEEKLY;COUNT=6).");
        }
        if (recur.getFrequency() == null) {
            throw EventsException.invalid(field, "A recurrence rule needs FREQ.");
        }
        if (recur.getFrequency() == Frequency.SECONDLY || recur.getFrequency() == Frequency.MINUTELY
                || recur.getFrequency() == Frequency.HOURLY) {
            throw EventsException.invalid(field, "Events recur daily at most (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY).");
        }
        return Optional.of(text);
    }

    /** The event's occurrences that overlap [from, to), at most {@code limit}, first first. */
    public static List<Span> between(Event event, OffsetDateTime from, OffsetDateTime to, int limit) {
        Duration length = Duration.between(event.startsAt(), event.endsAt());
        if (event.rrule().isEmpty()) {
            return event.startsAt().isBefore(to) && event.endsAt().isAfter(from)
                    ? List.of(new Span(event.startsAt(), event.endsAt())) : List.of();
        }
        ZonedDateTime seed = event.startsLocal().atZone(event.zone());
        Recur<ZonedDateTime> recur = new Recur<>(event.rrule().get());
        ZonedDateTime windowStart = from.minus(length).minusSeconds(1).atZoneSameInstant(event.zone());
        ZonedDateTime windowEnd = to.atZoneSameInstant(event.zone());
        List<ZonedDateTime> starts = recur.getDates(seed, windowStart, windowEnd, limit);
        return starts.stream()
                .map(s -> s.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .filter(s -> s.isBefore(to) && s.plus(length).isAfter(from))
                .map(s -> new Span(s, s.plus(length)))
                .limit(limit)
                .toList();
    }
}
