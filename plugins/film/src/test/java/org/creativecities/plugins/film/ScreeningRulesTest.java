package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    private static JsonObjectBuilder valid() {
        return Json.createObjectBuilder().add("title", "  Cléo from 5 to 7 ").add("year", 1962)
                .add("description", "Two hours in Paris.").add("startsAt", "2026-12-01T20:30:00+01:00")
                .add("videoUrl", "https://films.example.org/cleo.mp4").add("runtimeMinutes", 90);
    }

    private static List<String> problems(JsonObject body) {
        ScreeningRules.Outcome outcome = ScreeningRules.check(body, NOW);
        assertFalse(outcome.valid(), "should be refused: " + body);
        return outcome.problems();
    }

    @Test
    void aCompleteScreeningIsNormalised() {
        ScreeningRules.Draft d = ScreeningRules.check(valid().build(), NOW).draft().orElseThrow();
        assertEquals(new ScreeningRules.Draft("Cléo from 5 to 7", 1962, "Two hours in Paris.",
                "2026-12-01T19:30:00Z", "https://films.example.org/cleo.mp4", 90), d);
    }

    @Test
    void descriptionVideoAndRuntimeAreOptional() {
        JsonObject body = Json.createObjectBuilder().add("title", "Stalker").add("year", 1979)
                .add("startsAt", "2026-12-02T18:00:00Z").addNull("videoUrl").build();
        ScreeningRules.Draft d = ScreeningRules.check(body, NOW).draft().orElseThrow();
        assertEquals("", d.description());
        assertEquals("", d.videoUrl());
        assertEquals(0, d.runtimeMinutes());
    }

    @Test
    void titleYearAndStartAreRequired() {
        assertEquals(List.of("'title' is required.", "'year' is required.", "'startsAt' is required."),
                problems(Json.createObjectBuilder().add("title", "   ").addNull("startsAt").build()));
    }

    @Test
    void theYearLiesBetweenTheFirstScreeningAndFiveYearsAhead() {
        assertEquals(List.of("'year' must be between 1888 and 2031."), problems(valid().add("year", 1887).build()));
        assertEquals(List.of("'year' must be between 1888 and 2031."), problems(valid().add("year", 2032).build()));
        assertTrue(ScreeningRules.check(valid().add("year", 2031).build(), NOW).valid());
        assertEquals(List.of("'year' must be a whole number."), problems(valid().add("year", "1962").build()));
        assertEquals(List.of("'year' must be a whole number."), problems(valid().add("year", 1962.5).build()));
    }

    @Test
    void theStartNeedsAnOffset() {
        assertEquals(List.of("'startsAt' must be an ISO-8601 date-time with an offset, e.g. 2026-12-01T19:30:00Z."),
                problems(valid().add("startsAt", "2026-12-01 19:30").build()));
        assertEquals(List.of("'startsAt' must be an ISO-8601 date-time with an offset, e.g. 2026-12-01T19:30:00Z."),
                problems(valid().add("startsAt", "2026-12-01T19:30:00").build()));
    }

    @Test
    void onlyWebUrlsArePlayable() {
        for (String url : List.of("javascript:alert(1)", "file:///etc/passwd", "films/cleo.mp4", "https://")) {
            assertEquals(List.of("'videoUrl' must be an absolute http or https URL of at most 2000 characters."),
                    problems(valid().add("videoUrl", url).build()), url);
        }
        assertFalse(ScreeningRules.isWebUrl("https://example.org/" + "a".repeat(2000)));
    }

    @Test
    void lengthsAndRuntimeAreBounded() {
        assertEquals(List.of("'title' must be at most 200 characters."),
                problems(valid().add("title", "t".repeat(201)).build()));
        assertEquals(List.of("'description' must be at most 2000 characters."),
                problems(valid().add("description", "d".repeat(2001)).build()));
        assertEquals(List.of("'runtimeMinutes' must be between 1 and 1000."),
                problems(valid().add("runtimeMinutes", 0).build()));
    }

    @Test
    void unknownMembersAndWrongTypesAreNamed() {
        assertEquals(List.of("'director' is not a screening field.", "'title' must be a string.",
                "'title' is required."), problems(valid().add("director", "Varda").add("title", 5).build()));
    }
}
