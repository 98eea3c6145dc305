package org.creativecities.app.literature;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;

/** Cities, rooms and frames for the literature ITs and the restart scenario. */
final class LiteratureRooms {

    private LiteratureRooms() {
    }

    /** A new open city of literature, so that the tests' rooms, settings and works are their own. */
    static String city(TestUser admin, String name) {
        return admin.send("POST", "/api/cities", Api.json("name", name + " " + System.nanoTime(), "countryCode", "IE",
                "latitude", 53.35, "longitude", -6.26, "website", "https://example.org/reading", "joinPolicy", "OPEN",
                "designations", Json.createArrayBuilder().add(Api.json("field", "literature", "year", 2010)).build()))
                .expect(201).object().getString("slug");
    }

    static void join(TestUser person, String city) {
        person.post("/api/cities/" + city + "/members", null).expect(201);
    }

    static void coordinator(TestUser admin, String city, TestUser person) {
        admin.put("/api/cities/" + city + "/members/" + person.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
    }

    static long citySpace(TestUser someone, String city) {
        return someone.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** A room of the kind in the city's space, created by {@code host} (a coordinator). */
    static long room(TestUser host, String city, String kind, String name, JsonObject attributes) {
        return host.post("/api/spaces/" + citySpace(host, city) + "/rooms", Api.json("name", name, "kind", kind,
                "attributes", attributes)).expect(201).object().getJsonNumber("id").longValue();
    }

    static JsonObject join(long room, String id) {
        return Api.json("type", "join", "room", room, "id", id);
    }

    static JsonObject action(long room, String action, JsonObject payload, String id) {
        return Api.json("type", "action", "room", room, "action", action, "payload", payload, "id", id);
    }

    static boolean isState(JsonObject f, long room) {
        return f.getString("type").equals("plugin.state") && f.getJsonNumber("room").longValue() == room;
    }

    static boolean isEvent(JsonObject f, long room, String event) {
        return (f.getString("type").equals("plugin.event") || f.getString("type").equals("system"))
                && f.getJsonNumber("room").longValue() == room && event.equals(f.getString("event", ""));
    }

    /** Waits until the works search finds the work by the word, as the person (the index follows the commit). */
    static void awaitFound(TestUser who, String word, long workId) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonObject page = who.get("/api/search?kind=work&q=" + word).expect(200).object();
            last = page.toString();
            if (page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .anyMatch(h -> h.getString("id").equals(String.valueOf(workId)))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the search never found work " + workId + " by '" + word + "': " + last);
    }

    /** Sets a setting of the literature plugin for the city, as its coordinator. */
    static void citySetting(TestUser coordinator, String city, String key, Object value) {
        coordinator.put("/api/cities/" + city + "/modules/literature/settings",
                Api.json("values", Api.json(key, value))).expect(200);
    }
}
