package org.creativecities.app.live;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;

/** Small helpers for finding and preparing spaces and rooms in tests. */
public final class Rooms {

    private Rooms() {
    }

    /** The id of the community space of a city. */
    static long citySpace(TestUser someone, String city) {
        return someone.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** The id of the {@code general} room of a city's community space. */
    public static long generalRoom(TestUser someone, String city) {
        long space = citySpace(someone, city);
        return someone.get("/api/spaces/" + space + "/rooms").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(r -> r.getString("name").equals("general")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
    }

    /** Opens the city to everyone and makes each person a member. */
    public static void members(TestUser admin, String city, TestUser... people) {
        admin.patch("/api/cities/" + city, Api.json("joinPolicy", "OPEN")).expect(200);
        for (TestUser p : people) {
            p.post("/api/cities/" + city + "/members", null).expect(201);
        }
    }

    /** A newly registered member of the city. */
    static TestUser member(Api api, TestUser admin, String city, String name) {
        TestUser someone = TestUser.register(api, name);
        members(admin, city, someone);
        return someone;
    }

    /** A newly registered coordinator of the city. */
    static TestUser coordinator(Api api, TestUser admin, String city, String name) {
        TestUser host = member(api, admin, city, name);
        admin.put("/api/cities/" + city + "/members/" + host.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        return host;
    }

    public static JsonObject join(long room, Long since, String id) {
        return since == null ? Api.json("type", "join", "room", room, "id", id)
                : Api.json("type", "join", "room", room, "since", since, "id", id);
    }

    public static JsonObject post(long room, String clientMessageId, String text) {
        return Api.json("type", "post", "room", room, "clientMessageId", clientMessageId, "text", text,
                "id", "f-" + clientMessageId);
    }

    static boolean isMessage(JsonObject f, long room) {
        return f.getString("type").equals("message") && f.getJsonNumber("room").longValue() == room;
    }
}
