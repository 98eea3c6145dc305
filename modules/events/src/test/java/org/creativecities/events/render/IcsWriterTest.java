package org.creativecities.events.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.creativecities.events.domain.Event;
import org.junit.jupiter.api.Test;

class IcsWriterTest {

    @Test
    void writesTheZoneTheRuleAndTheUrl() {
        OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00Z");
        Event e = new Event("Atelier", Event.Status.PUBLISHED, 1L, now);
        e.schedule(LocalDateTime.parse("2026-03-19T18:00"), LocalDateTime.parse("2026-03-19T20:00"),
                ZoneId.of("America/Denver"), now);
        e.recur("FREQ=WEEKLY;COUNT=3", now);
        String ics = IcsWriter.write("Test", "example.org", List.of(new IcsWriter.Entry(e, "Santa Fe",
                "https://example.org/events/1")));
        assertTrue(ics.contains("DTSTART;TZID=America/Denver:20260319T180000"), ics);
        assertTrue(ics.contains("RRULE:FREQ=WEEKLY;COUNT=3"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE"), ics);
    }
}
