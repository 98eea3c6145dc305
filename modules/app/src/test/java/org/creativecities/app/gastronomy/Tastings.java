package org.creativecities.app.gastronomy;

import jakarta.json.JsonObject;
import java.util.function.Predicate;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;

/** Helpers of the gastronomy tests: people in a city, a tasting room, action frames and what to wait for. */
final class Tastings {

    private Tastings() {
    }

    /** The id of the community space of a city. */
    static long citySpace(TestUser someone, String city) {
        return someone.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** A new member of the city. */
    static TestUser member(TestUser admin, String city, String name) {
        TestUser someone = TestUser.register(admin.api(), name + " " + System.nanoTime());
        Rooms.members(admin, city, someone);
        return someone;
    }

    /** A new coordinator of the city. */
    static TestUser coordinator(TestUser admin, String city, String name) {
        TestUser host = member(admin, city, name);
        admin.put("/api/cities/" + city + "/members/" + host.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        return host;
    }

    /** A new tasting room in the city's space, created by the host, rating on these criteria. */
    static long tastingRoom(TestUser host, String city, String... criteria) {
        long space = citySpace(host, city);
        JsonObject room = host.post("/api/spaces/" + space + "/rooms", Api.json("name", "Tasting " + System.nanoTime(),
                "kind", "tasting", "attributes", Api.json("criteria", java.util.List.of(criteria)))).expect(201)
                .object();
        return room.getJsonNumber("id").longValue();
    }

    static JsonObject action(long room, String action, JsonObject payload, String id) {
        return Api.json("type", "action", "room", room, "action", action, "payload", payload, "id", id);
    }

    static Predicate<JsonObject> state(long room, Predicate<JsonObject> match) {
        return f -> f.getString("type").equals("plugin.state") && f.getJsonNumber("room").longValue() == room
                && match.test(f.getJsonObject("state"));
    }

    static Predicate<JsonObject> event(long room, String event) {
        return f -> f.getString("type").equals("plugin.event") && f.getJsonNumber("room").longValue() == room
                && f.getString("event").equals(event);
    }

    static Predicate<JsonObject> system(long room, String event) {
        return f -> f.getString("type").equals("system") && f.getJsonNumber("room").longValue() == room
                && f.getString("event").equals(event);
    }

    /** The revealed dish with this id in a state. */
    static JsonObject dish(JsonObject state, String id) {
        return state.getJsonArray("dishes").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no dish " + id + " in " + state));
    }

    static boolean hasDish(JsonObject state, String id, String status) {
        return state.getBoolean("open", false) && state.getJsonArray("dishes").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("id").equals(id) && d.getString("status").equals(status));
    }
}
