package org.creativecities.plugins.gastronomy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON forms of a {@link Tasting}: the stored document (everything, ballots included), and what people see of
 * it: the room's state (the same for everyone: revealed dishes and aggregates only), the host's line-up, a member's
 * own ballot and the results of a closed round.
 */
final class TastingJson {

    private TastingJson() {
    }

    static String store(Tasting t) {
        JsonArrayBuilder dishes = Json.createArrayBuilder();
        for (Tasting.Dish d : t.dishes()) {
            JsonObjectBuilder ballots = Json.createObjectBuilder();
            d.ballots().forEach((who, b) -> ballots.add(Long.toString(who), Json.createObjectBuilder()
                    .add("name", b.name()).add("scores", scores(b.scores()))));
            dishes.add(Json.createObjectBuilder().add("id", d.id()).add("name", d.name())
                    .add("description", d.description()).add("status", d.status().name()).add("number", d.number())
                    .add("closesAt", d.closesAt().map(i -> (JsonValue) Json.createValue(i.toString()))
                            .orElse(JsonValue.NULL))
                    .add("ballots", ballots)
                    .add("results", d.results().map(r -> (JsonValue) results(r)).orElse(JsonValue.NULL))
                    .add("announced", d.announced()));
        }
        return Json.createObjectBuilder().add("host", t.host()).add("criteria", Json.createArrayBuilder(t.criteria()))
                .add("nextId", t.nextId()).add("dishes", dishes).build().toString();
    }

    static Tasting load(String stored) {
        JsonObject o = parse(stored);
        List<Tasting.Dish> dishes = o.getJsonArray("dishes").getValuesAs(JsonObject.class).stream().map(d -> {
            Map<Long, Tasting.Ballot> ballots = new LinkedHashMap<>();
            d.getJsonObject("ballots").forEach((who, b) -> ballots.put(Long.parseLong(who), new Tasting.Ballot(
                    b.asJsonObject().getString("name"), scores(b.asJsonObject().getJsonObject("scores")))));
            return new Tasting.Dish(d.getString("id"), d.getString("name"), d.getString("description"),
                    Tasting.Dish.Status.valueOf(d.getString("status")), d.getInt("number"),
                    d.isNull("closesAt") ? Optional.empty() : Optional.of(Instant.parse(d.getString("closesAt"))),
                    ballots, d.isNull("results") ? Optional.empty() : Optional.of(results(d.getJsonObject("results"))),
                    d.getBoolean("announced"));
        }).toList();
        return new Tasting(o.getJsonNumber("host").longValue(),
                o.getJsonArray("criteria").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList(), o.getInt("nextId"), dishes);
    }

    /** The room's state: the same for everyone, so nothing hidden and no names. */
    static JsonObject view(Tasting t, int roundSeconds) {
        JsonArrayBuilder dishes = Json.createArrayBuilder();
        t.revealed().forEach(d -> dishes.add(dish(t, d)));
        return Json.createObjectBuilder().add("open", true).add("host", t.host())
                .add("criteria", Json.createArrayBuilder(t.criteria())).add("scale", Tasting.SCALE)
                .add("hidden", t.hidden().size())
                .add("current", t.openDish().map(d -> (JsonValue) Json.createValue(d.id())).orElse(JsonValue.NULL))
                .add("roundSeconds", roundSeconds)
                .add("dishes", dishes).build();
    }

    /** One revealed dish as everyone sees it: its live histogram while open, its results once closed. */
    static JsonObject dish(Tasting t, Tasting.Dish d) {
        Results r = d.tally(t.criteria());
        return Json.createObjectBuilder(results(r)).add("id", d.id()).add("number", d.number()).add("name", d.name())
                .add("description", d.description()).add("status", d.status().name().toLowerCase(java.util.Locale.ROOT))
                .add("closesAt", d.closesAt().map(i -> (JsonValue) Json.createValue(i.toString())).orElse(JsonValue.NULL))
                .build();
    }

    /** The dishes still lined up, for the host only. */
    static JsonObject lineup(Tasting t) {
        JsonArrayBuilder hidden = Json.createArrayBuilder();
        t.hidden().forEach(d -> hidden.add(Json.createObjectBuilder().add("id", d.id()).add("name", d.name())
                .add("description", d.description())));
        return Json.createObjectBuilder().add("dishes", hidden).build();
    }

    /** A member's own ballot on the open dish, for them only. */
    static JsonObject ballot(String dishId, Tasting.Ballot b) {
        return Json.createObjectBuilder().add("dish", dishId).add("scores", scores(b.scores())).build();
    }

    /** Histograms, averages and the overall score. */
    static JsonObject results(Results r) {
        JsonArrayBuilder criteria = Json.createArrayBuilder();
        for (Results.Criterion c : r.criteria()) {
            criteria.add(Json.createObjectBuilder().add("name", c.name())
                    .add("counts", Json.createArrayBuilder(c.counts()))
                    .add("average", c.average().map(a -> (JsonValue) Json.createValue(a)).orElse(JsonValue.NULL)));
        }
        return Json.createObjectBuilder().add("ballots", r.ballots()).add("criteria", criteria)
                .add("score", r.score().map(s -> (JsonValue) Json.createValue(s)).orElse(JsonValue.NULL)).build();
    }

    private static Results results(JsonObject o) {
        return new Results(o.getInt("ballots"), o.getJsonArray("criteria").getValuesAs(JsonObject.class).stream()
                .map(c -> new Results.Criterion(c.getString("name"), c.getJsonArray("counts")
                        .getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue).toList())).toList());
    }

    static JsonObject scores(Map<String, Integer> scores) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        scores.forEach(b::add);
        return b.build();
    }

    private static Map<String, Integer> scores(JsonObject o) {
        Map<String, Integer> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, ((JsonNumber) v).intValue()));
        return out;
    }

    static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
