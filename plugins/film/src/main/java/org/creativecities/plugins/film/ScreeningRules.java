package org.creativecities.plugins.film;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for a screening submitted over REST: pure functions, so they are unit-tested without a server.
 * A submission is a JSON object with {@code title} (1 to 200 characters), {@code year} (1888 to five years
 * from now), {@code description} (optional, at most 2000), {@code startsAt} (an ISO-8601 date-time with an
 * offset, e.g. {@code 2026-12-01T19:30:00Z}), {@code videoUrl} (optional absolute http or https URL, at most
 * 2000) and {@code runtimeMinutes} (optional, 1 to 1000). Unknown members are refused, so typos do not pass
 * silently.
 */
public final class ScreeningRules {

    /** The year of the first public film screening. */
    public static final int FIRST_YEAR = 1888;

    private static final List<String> KNOWN = List.of("title", "year", "description", "startsAt", "videoUrl",
            "runtimeMinutes");

    private ScreeningRules() {
    }

    /** A submission that passed the rules, normalised (trimmed text, {@code startsAt} in UTC). */
    public record Draft(String title, int year, String description, String startsAt, String videoUrl,
                        int runtimeMinutes) {
    }

    /** Either a valid draft or the problems, one sentence each, naming the member. */
    public record Outcome(Optional<Draft> draft, List<String> problems) {

        public boolean valid() {
            return draft.isPresent();
        }
    }

    /** Applies the rules to a submission, judging the year against {@code now}. */
    public static Outcome check(JsonObject body, Instant now) {
        List<String> problems = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!KNOWN.contains(key)) {
                problems.add("'" + key + "' is not a screening field.");
            }
        }
        String title = text(body, "title", problems).map(String::strip).orElse("");
        if (title.isEmpty()) {
            problems.add("'title' is required.");
        } else if (title.length() > 200) {
            problems.add("'title' must be at most 200 characters.");
        }
        int maxYear = now.atOffset(ZoneOffset.UTC).getYear() + 5;
        Optional<Integer> year = integer(body, "year", problems);
        if (absent(body, "year")) {
            problems.add("'year' is required.");
        }
        year.filter(y -> y < FIRST_YEAR || y > maxYear).ifPresent(y ->
                problems.add("'year' must be between " + FIRST_YEAR + " and " + maxYear + "."));
        String description = text(body, "description", problems).map(String::strip).orElse("");
        if (description.length() > 2000) {
            problems.add("'description' must be at most 2000 characters.");
        }
        String startsAt = "";
        Optional<String> start = text(body, "startsAt", problems).map(String::strip);
        if (absent(body, "startsAt") || start.filter(String::isEmpty).isPresent()) {
            problems.add("'startsAt' is required.");
        } else if (start.isPresent()) {
            try {
                startsAt = OffsetDateTime.parse(start.get()).toInstant().toString();
            } catch (DateTimeParseException e) {
                problems.add("'startsAt' must be an ISO-8601 date-time with an offset, e.g. 2026-12-01T19:30:00Z.");
            }
        }
        String videoUrl = text(body, "videoUrl", problems).map(String::strip).orElse("");
        if (!videoUrl.isEmpty() && !isWebUrl(videoUrl)) {
            problems.add("'videoUrl' must be an absolute http or https URL of at most 2000 characters.");
        }
        Optional<Integer> runtime = integer(body, "runtimeMinutes", problems);
        runtime.filter(r -> r < 1 || r > 1000).ifPresent(r ->
                problems.add("'runtimeMinutes' must be between 1 and 1000."));
        if (!problems.isEmpty()) {
            return new Outcome(Optional.empty(), List.copyOf(problems));
        }
        return new Outcome(Optional.of(new Draft(title, year.orElseThrow(), description, startsAt, videoUrl,
                runtime.orElse(0))), List.of());
    }

    static boolean isWebUrl(String text) {
        if (text.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean absent(JsonObject body, String key) {
        return !body.containsKey(key) || body.isNull(key);
    }

    private static Optional<String> text(JsonObject body, String key, List<String> problems) {
        JsonValue v = body.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            problems.add("'" + key + "' must be a string.");
            return Optional.empty();
        }
        return Optional.of(((JsonString) v).getString());
    }

    private static Optional<Integer> integer(JsonObject body, String key, List<String> problems) {
        JsonValue v = body.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()
                || !fitsInt((JsonNumber) v)) {
            problems.add("'" + key + "' must be a whole number.");
            return Optional.empty();
        }
        return Optional.of(((JsonNumber) v).intValue());
    }

    private static boolean fitsInt(JsonNumber n) {
        try {
            n.bigDecimalValue().intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
