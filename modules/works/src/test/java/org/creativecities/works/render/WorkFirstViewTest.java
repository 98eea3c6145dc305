package org.creativecities.works.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkFirstViewTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static Optional<String> ago(long seconds, String language) {
        return WorkFirstView.relative(NOW.minusSeconds(seconds), NOW, language);
    }

    @Test
    void howLongAgoReadsAsTheUiWritesIt() {
        assertEquals(Optional.of("now"), ago(0, "en"));
        assertEquals(Optional.of("1 second ago"), ago(1, "en"));
        assertEquals(Optional.of("3 minutes ago"), ago(170, "en"));
        assertEquals(Optional.of("1 hour ago"), ago(3600, "en"));
        assertEquals(Optional.of("yesterday"), ago(86400, "en"));
        assertEquals(Optional.of("5 days ago"), ago(5 * 86400, "en"));
        assertEquals(Optional.of("maintenant"), ago(0, "fr"));
        assertEquals(Optional.of("il y a 3 minutes"), ago(170, "fr"));
        assertEquals(Optional.of("hier"), ago(86400, "fr"));
        assertEquals(Optional.of("avant-hier"), ago(2 * 86400, "fr"));
        assertEquals(Optional.empty(), ago(40L * 86400, "en"), "older: the UI writes a date");
        assertEquals(Optional.empty(), ago(-120, "en"), "a clock ahead: nothing");
    }
}
