package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.Await;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deleting a room ({@code DELETE /api/rooms/{id}}): only a manager of its space deletes it, only once it is archived;
 * its history goes, the people in it are told {@code room-deleted} and leave it, search forgets its messages, and the
 * plugin kind of a plugin room hears {@code deleted} last, when the room services no longer know the room.
 */
@ExtendWith(SharedServer.class)
class RoomDeletionIT {

    private static final String CITY = "gdynia";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TestUser member(PackagedServer server, TestUser admin, String name) {
        return Rooms.member(server.api(), admin, CITY, name);
    }

    private static TestUser coordinator(PackagedServer server, TestUser admin, String name) {
        return Rooms.coordinator(server.api(), admin, CITY, name);
    }

    private static long room(TestUser host, String kind) {
        return host.post("/api/spaces/" + Rooms.citySpace(host, CITY) + "/rooms", Api.json("name",
                "Doomed " + System.nanoTime(), "kind", kind)).expect(201).object().getJsonNumber("id").longValue();
    }

    private static void problem(Api.Response r, int status, String detail) {
        assertEquals(status, r.status(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type").orElse(""), r.toString());
        assertTrue(r.body().contains(detail), r.body());
    }

    /** Asks until the condition holds; the index and the plugin callbacks follow a deletion asynchronously. */
    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> condition, String what) {
        return Await.until(read, condition, PATIENCE, what);
    }

    private static boolean found(TestUser searcher, String word, long room) {
        return searcher.get("/api/search?q=" + word + "&kind=message").expect(200).object().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getString("id")).anyMatch(id -> id.startsWith(room + "-"));
    }

    @Test
    void aCoordinatorDeletesAnArchivedRoomItsPeopleAreToldAndItsHistoryAndSearchHitsGo(PackagedServer server,
                                                                                        Api visitor) {
        TestUser admin = TestUser.admin(server);
        TestUser host = coordinator(server, admin, "Deleting Host");
        TestUser guest = member(server, admin, "Deleting Guest");
        long room = room(host, "discussion");
        String word = "zyxdeletion" + Long.toString(System.nanoTime() % 1_000_000L, 36);
        try (LiveClient g = LiveClient.open(guest)) {
            g.send(Rooms.join(room, null, "j")).reply("j");
            g.send(Rooms.post(room, "m1", "Remember " + word)).reply("f-m1");
            await(() -> found(admin, word, room), f -> f, "the message is indexed first");

            problem(visitor.delete("/api/rooms/" + room), 401, "");
            problem(guest.send("DELETE", "/api/rooms/" + room, null), 403, "Only coordinators of");
            problem(host.send("DELETE", "/api/rooms/" + room, null), 409, "archive it first");
            assertEquals(200, host.get("/api/rooms/" + room).status(), "a refused deletion changes nothing");

            host.patch("/api/rooms/" + room, Api.json("archived", true)).expect(200);
            host.send("DELETE", "/api/rooms/" + room, null).expect(204);

            JsonObject told = g.await(f -> f.getString("type").equals("error")
                    && f.getString("code", "").equals("room-deleted"));
            assertEquals(room, told.getJsonNumber("room").longValue());
            g.send(Rooms.post(room, "m2", "Anyone here?"));
            assertEquals("not-joined", g.reply("f-m2").getString("code"), "the connection left the room");
            g.send(Rooms.join(room, null, "j2"));
            assertEquals("not-found", g.reply("j2").getString("code"));
        }
        problem(host.get("/api/rooms/" + room), 404, "");
        problem(host.get("/api/rooms/" + room + "/history"), 404, "");
        problem(host.send("DELETE", "/api/rooms/" + room, null), 404, "");
        await(() -> found(admin, word, room), f -> !f, "search forgets the room's messages");
        assertTrue(admin.get("/api/admin/audit?size=50").expect(200).body().contains("delete-room"),
                "the deletion is audited");
    }

    @Test
    void thePluginKindHearsDeletedLastWhenItsRoomServicesNoLongerKnowTheRoom(PackagedServer server) {
        PluginAdmin plugins = PluginAdmin.of(server);
        synchronized (PluginRoomServicesIT.class) {
            if (plugins.get("/api/admin/plugins/test-rooms").status() == 404) {
                plugins.install(PluginJars.built("rooms"));
            }
        }
        TestUser admin = TestUser.admin(server);
        TestUser host = coordinator(server, admin, "Relay Deleter");
        long room = room(host, "relay");
        host.patch("/api/rooms/" + room, Api.json("archived", true)).expect(200);
        host.send("DELETE", "/api/rooms/" + room, null).expect(204);
        List<String> calls = await(() -> server.api().get("/api/plugins/test-rooms/calls?room=" + room).expect(200)
                .array().stream().map(v -> ((JsonString) v).getString()).toList(),
                c -> c.contains("deleted NOT_OWNED"), "the relay hears deleted");
        assertEquals("deleted NOT_OWNED", calls.get(calls.size() - 1), calls.toString());
        assertTrue(calls.indexOf("archived") >= 0 && calls.indexOf("archived") < calls.size() - 1, calls.toString());
    }
}
