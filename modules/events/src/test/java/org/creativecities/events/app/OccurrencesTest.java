package org.creativecities.events.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.creativecities.events.EventsException;
import org.creativecities.events.domain.Event;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00Z");

    @Test
    void aWeeklyEventKeepsItsWallClockTimeAcrossDaylightSaving() {
        Event e = new Event("Weekly", Event.Status.PUBLISHED, 1L, NOW);
        e.schedule(LocalDateTime.parse("2026-03-19T18:00"), LocalDateTime.parse("2026-03-19T20:00"),
                ZoneId.of("Europe/Paris"), NOW);
        e.recur(Occurrences.rule("rrule", "FREQ=WEEKLY;COUNT=3").orElseThrow(), NOW);
        List<Occurrences.Span> spans = Occurrences.between(e, OffsetDateTime.parse("2026-03-01T00:00Z"),
                OffsetDateTime.parse("2026-05-01T00:00Z"), 100);
        assertEquals(List.of("2026-03-19T17:00Z", "2026-03-26T17:00Z", "2026-04-02T16:00Z"),
                spans.stream().map(s -> s.start().toString()).toList());
        assertEquals("2026-04-02T18:00Z", spans.get(2).end().toString());
    }

    @Test
    void anOccurrenceUnderwayAtTheWindowsStartIsListed() {
        Event e = new Event("Daily", Event.Status.PUBLISHED, 1L, NOW);
        e.schedule(LocalDateTime.parse("2026-03-01T10:00"), LocalDateTime.parse("2026-03-01T12:00"),
                ZoneId.of("UTC"), NOW);
        e.recur("FREQ=DAILY", NOW);
        List<Occurrences.Span> spans = Occurrences.between(e, OffsetDateTime.parse("2026-03-05T11:00Z"),
                OffsetDateTime.parse("2026-03-07T00:00Z"), 100);
        assertEquals(List.of("2026-03-05T10:00Z", "2026-03-06T10:00Z"),
                spans.stream().map(s -> s.start().toString()).toList());
    }

    @Test
    void aBadRuleIsRefusedNamingTheField() {
        for (String bad : List.of("FREQ=SOMETIMES", "COUNT=abc;FREQ=DAILY", "hello", "FREQ=MINUTELY", "COUNT=3")) {
            EventsException e = assertThrows(EventsException.class, () -> Occurrences.rule("rrule", bad), bad);
            assertEquals("rrule", e.errors().get(0).field());
        }
        assertEquals("FREQ=MONTHLY;BYDAY=1MO", Occurrences.rule("rrule", "RRULE:freq=monthly;byday=1MO").orElseThrow());
    }
}
