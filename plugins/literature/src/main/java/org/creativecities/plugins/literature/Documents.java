package org.creativecities.plugins.literature;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored form (JSON) of circles, threads and stories, and reading JSON payloads. Pure functions. */
final class Documents {

    private Documents() {
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static JsonObject circle(Circle c) {
        JsonObjectBuilder progress = Json.createObjectBuilder();
        c.progress().forEach((id, r) -> progress.add(Long.toString(id), Json.createObjectBuilder()
                .add("name", r.name()).add("chapter", r.chapter())));
        return Json.createObjectBuilder().add("book", c.book()).add("chapters", strings(c.chapters()))
                .add("progress", progress).build();
    }

    static Circle circle(JsonObject o) {
        Map<Long, Circle.Reader> progress = new LinkedHashMap<>();
        o.getJsonObject("progress").forEach((id, v) -> progress.put(Long.parseLong(id),
                new Circle.Reader(v.asJsonObject().getString("name"), v.asJsonObject().getInt("chapter"))));
        return new Circle(o.getString("book"), strings(o.getJsonArray("chapters")), progress);
    }

    static JsonObject post(Circle.Post p) {
        return Json.createObjectBuilder().add("id", p.id()).add("author", p.author()).add("name", p.name())
                .add("text", p.text()).add("at", p.at()).build();
    }

    static Circle.Post post(JsonObject o) {
        return new Circle.Post(o.getJsonNumber("id").longValue(), o.getJsonNumber("author").longValue(),
                o.getString("name"), o.getString("text"), o.getString("at"));
    }

    /** A story as stored, with its room's city ("" for none) and host (the room's creator). */
    static JsonObject story(Story s, Place place) {
        JsonArrayBuilder rota = Json.createArrayBuilder();
        s.rota().forEach(p -> rota.add(Json.createObjectBuilder().add("accountId", p.accountId())
                .add("name", p.name())));
        return Json.createObjectBuilder().add("title", s.title()).add("status", s.status()).add("rota", rota)
                .add("holder", s.holder()).add("turn", s.turn())
                .add("deadline", s.deadline() == null ? JsonValue.NULL : Json.createValue(s.deadline().toString()))
                .add("workId", s.workId()).add("contributions", s.contributions()).add("city", place.city())
                .add("host", place.host()).build();
    }

    static Story story(JsonObject o) {
        List<Story.Participant> rota = new ArrayList<>();
        o.getJsonArray("rota").forEach(v -> rota.add(new Story.Participant(
                v.asJsonObject().getJsonNumber("accountId").longValue(), v.asJsonObject().getString("name"))));
        return new Story(o.getString("title"), o.getString("status"), rota, o.getInt("holder"),
                o.getJsonNumber("turn").longValue(),
                o.isNull("deadline") ? null : Instant.parse(o.getString("deadline")),
                o.getJsonNumber("workId").longValue(), o.getInt("contributions"));
    }

    /** Where a story is written: its room's city ("" for none) and the room's creator. */
    record Place(String city, long host) {

        static Place of(JsonObject stored) {
            return new Place(stored.getString("city"), stored.getJsonNumber("host").longValue());
        }
    }

    static JsonArray strings(List<String> values) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        values.forEach(out::add);
        return out.build();
    }

    static List<String> strings(JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    /** A payload member that must be a whole number; {@code code} is the refusal's code otherwise. */
    static int intArg(JsonObject payload, String key, String code) {
        JsonValue v = payload.get(key);
        if (v instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            return n.intValueExact();
        }
        throw new LiteratureRefused(code, "'" + key + "' must be a whole number.");
    }

    /** A payload member that must be a string (or absent: null). */
    static String stringArg(JsonObject payload, String key, String code) {
        JsonValue v = payload.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        throw new LiteratureRefused(code, "'" + key + "' must be text.");
    }

    /** A payload member that must be an array of strings (or absent: null). */
    static List<String> stringsArg(JsonObject payload, String key, String code) {
        JsonValue v = payload.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonArray a && a.stream().allMatch(e -> e instanceof jakarta.json.JsonString)) {
            return strings(a);
        }
        throw new LiteratureRefused(code, "'" + key + "' must be a list of titles.");
    }
}
