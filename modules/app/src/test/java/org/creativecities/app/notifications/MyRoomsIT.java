package org.creativecities.app.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** "My rooms" with unread counts, marking read by entering or explicitly, and notification preferences. */
@ExtendWith(SharedServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyRoomsIT {

    private final TestCities cities = new TestCities();
    private TestUser admin;
    private String city;

    @BeforeAll
    void city(PackagedServer server) {
        admin = TestUser.admin(server);
        city = Notified.newCity(admin, cities, "Roomsby");
    }

    @AfterAll
    void retire() {
        cities.retireAll();
    }

    private static Optional<JsonObject> myRoom(TestUser who, long room) {
        return who.get("/api/me/rooms").expect(200).object().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getJsonNumber("room").longValue() == room).findFirst();
    }

    /** Waits until the person's entry for the room says {@code unread}. */
    private static JsonObject awaitUnread(TestUser who, long room, int unread) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            Optional<JsonObject> r = myRoom(who, room);
            if (r.isPresent() && r.get().getInt("unread") == unread) {
                return r.get();
            }
            if (System.nanoTime() > deadline) {
                fail("Room " + room + " never had " + unread + " unread for " + who.name() + ": " + r);
            }
            Notified.sleep(100);
        }
    }

    @Test
    void enteredRoomsListUnreadMessagesByOthersUntilReadAndDropOutWhenNoLongerReadable(Api api) {
        TestUser uma = TestUser.register(api, "Uma Reader");
        TestUser vic = TestUser.register(api, "Vic Writer");
        Rooms.members(admin, city, uma, vic);
        long general = Rooms.generalRoom(uma, city);
        long space = admin.post("/api/spaces", Api.json("name", "Backroom", "city", city,
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        long inner = admin.post("/api/spaces/" + space + "/rooms", Api.json("name", "inner")).expect(201).object()
                .getJsonNumber("id").longValue();
        try (LiveClient u = LiveClient.open(uma)) {
            u.send(Rooms.join(general, null, "j1")).reply("j1");
            u.send(Rooms.join(inner, null, "j2")).reply("j2");
            u.send(Rooms.post(general, "u1", "my own words")).reply("f-u1");
        }
        awaitUnread(uma, general, 0);
        assertEquals(0, awaitUnread(uma, inner, 0).getInt("unread"));
        try (LiveClient v = LiveClient.open(vic)) {
            v.send(Rooms.join(general, null, "j")).reply("j");
            v.send(Rooms.join(inner, null, "k")).reply("k");
            v.send(Rooms.post(general, "v1", "news one")).reply("f-v1");
            v.send(Rooms.post(general, "v2", "news two")).reply("f-v2");
            v.send(Rooms.post(inner, "v3", "inner news")).reply("f-v3");
        }
        JsonObject g = awaitUnread(uma, general, 2);
        assertEquals(city, g.getString("city"));
        assertEquals("general", g.getString("name"));
        assertTrue(uma.get("/api/me/rooms").expect(200).object().getInt("unreadRooms") >= 2);
        awaitUnread(vic, general, 0);

        uma.post("/api/me/rooms/" + general + "/read", null).expect(204);
        assertEquals(0, myRoom(uma, general).orElseThrow().getInt("unread"));
        try (LiveClient u = LiveClient.open(uma)) {
            u.send(Rooms.join(inner, null, "j")).reply("j");
        }
        awaitUnread(uma, inner, 0);

        TestUser stranger = TestUser.register(api, "Wes Stranger");
        stranger.post("/api/me/rooms/" + inner + "/read", null).expect(404);
        stranger.post("/api/me/rooms/999999999/read", null).expect(404);
        assertTrue(myRoom(stranger, inner).isEmpty());
        admin.delete("/api/cities/" + city + "/members/" + uma.id()).expect(204);
        assertTrue(myRoom(uma, inner).isEmpty(), "a room uma may no longer read leaves her list");
        assertTrue(myRoom(uma, general).isPresent(), "the public room stays");
        api.get("/api/me/rooms").expect(401);
    }

    @Test
    void preferencesAreEachPersonsOwnAndValidated(Api api) {
        TestUser xia = TestUser.register(api, "Xia Prefers");
        TestUser yan = TestUser.register(api, "Yan Default");
        JsonObject defaults = xia.get("/api/me/preferences").expect(200).object();
        assertEquals("always", defaults.getString("inApp"));
        assertEquals("off", defaults.getString("digest"));
        assertEquals("off", defaults.getJsonObject("email").getString("mention"));
        JsonObject changed = xia.put("/api/me/preferences", Api.json("email",
                Api.json("mention", "immediate", "work-fork", "digest"), "digest", "weekly")).expect(200).object();
        assertEquals("immediate", changed.getJsonObject("email").getString("mention"));
        assertEquals("digest", changed.getJsonObject("email").getString("work-fork"));
        assertEquals("weekly", changed.getString("digest"));
        xia.put("/api/me/preferences", Api.json("digest", "daily")).expect(200);
        JsonObject now = xia.get("/api/me/preferences").expect(200).object();
        assertEquals("daily", now.getString("digest"));
        assertEquals("immediate", now.getJsonObject("email").getString("mention"), "kinds not sent stay");
        assertEquals("off", yan.get("/api/me/preferences").expect(200).object().getJsonObject("email")
                .getString("mention"));

        JsonObject bad = xia.put("/api/me/preferences", Api.json("email", Api.json("gossip", "immediate")))
                .expect(400).object();
        assertEquals("email.gossip", bad.getJsonArray("errors").getJsonObject(0).getString("field"));
        xia.put("/api/me/preferences", Api.json("digest", "hourly")).expect(400);
        xia.put("/api/me/preferences", Api.json("email", Api.json("mention", "loud"))).expect(400);
        api.put("/api/me/preferences", Api.json("digest", "daily")).expect(401);
    }
}
