package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The film plugin's {@code watch-party} room kind driven end to end through the live engine: a room created
 * from a screening, its state in the welcome frame, host-only playback actions broadcast as plugin frames,
 * and per-city enablement of the kind.
 */
@ExtendWith(SharedServer.class)
class WatchPartyIT {

    static JsonObject screening(String title) {
        return Api.json("title", title, "year", 1962, "description", "Two hours in Paris.",
                "startsAt", "2026-12-01T19:30:00Z", "videoUrl", "https://films.example.org/cleo.mp4",
                "runtimeMinutes", 90);
    }

    static JsonObject action(long room, String action, JsonObject payload, String id) {
        return payload == null ? Api.json("type", "action", "room", room, "action", action, "id", id)
                : Api.json("type", "action", "room", room, "action", action, "payload", payload, "id", id);
    }

    static boolean isState(JsonObject f, long room) {
        return f.getString("type").equals("plugin.state") && f.getJsonNumber("room").longValue() == room;
    }

    private static boolean linksTo(JsonObject screening, long room) {
        return screening.get("watchParty") instanceof JsonObject link && link.get("roomId") != null
                && link.get("roomId").toString().equals("\"" + room + "\"");
    }

    static long position(JsonObject state) {
        return state.getJsonNumber("positionMs").longValue();
    }

    /** A coordinator of the city asks for a screening's watch party and creates its room; returns the room. */
    static long watchPartyRoom(TestUser host, String city, String title) {
        String screenings = "/api/plugins/film/cities/" + city + "/screenings";
        String id = host.post(screenings, screening(title)).expect(201).object().getString("id");
        JsonObject party = host.post(screenings + "/" + id + "/watch-party", null).expect(201).object();
        long space = Rooms.citySpace(host, city);
        JsonObject room = host.post("/api/spaces/" + space + "/rooms", Api.json("name", party.getString("name"),
                "kind", party.getString("kind"), "attributes", party.getJsonObject("attributes"))).expect(201).object();
        assertEquals("watch-party", room.getString("kind"));
        return room.getJsonNumber("id").longValue();
    }

    @Test
    void theHostDrivesThePartyAndEveryoneFollowsOverWebSocket(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(api, "Party Host");
        TestUser guest = TestUser.register(api, "Party Guest");
        TestUser late = TestUser.register(api, "Party Late");
        String city = "gdynia";
        Rooms.members(admin, city, host, guest, late);
        admin.put("/api/cities/" + city + "/members/" + host.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        long room = watchPartyRoom(host, city, "Cléo from 5 to 7 " + System.nanoTime());
        long general = Rooms.generalRoom(host, city);

        try (LiveClient h = LiveClient.open(host); LiveClient g = LiveClient.open(guest)) {
            JsonObject hostWelcome = h.send(Rooms.join(room, null, "jh")).reply("jh");
            assertEquals("welcome", hostWelcome.getString("type"));
            assertEquals("watch-party", hostWelcome.getString("kind"));
            JsonObject initial = hostWelcome.getJsonObject("roomState");
            assertTrue(initial.getBoolean("open"));
            assertEquals(host.id(), initial.getJsonNumber("host").longValue());
            assertFalse(initial.getBoolean("playing"));
            assertEquals(0, position(initial));
            assertEquals(5_400_000, initial.getJsonNumber("durationMs").longValue());

            JsonObject guestWelcome = g.send(Rooms.join(room, null, "jg")).reply("jg");
            assertEquals(host.id(), guestWelcome.getJsonObject("roomState").getJsonNumber("host").longValue());

            h.send(action(room, "seek", Api.json("positionMs", 600_000), "seek1"));
            JsonObject seeked = g.await(f -> isState(f, room)).getJsonObject("state");
            assertEquals(600_000, position(seeked));
            assertFalse(seeked.getBoolean("playing"));
            h.await(f -> isState(f, room));

            g.send(action(room, "play", null, "gp"));
            JsonObject refused = g.reply("gp");
            assertEquals("error", refused.getString("type"));
            assertEquals("not-host", refused.getString("code"));
            g.send(action(room, "rewind", null, "gu"));
            assertEquals("unknown-action", g.reply("gu").getString("code"));
            g.send(Api.json("type", "action", "room", room, "payload", Api.json("positionMs", 1), "id", "gb"));
            assertEquals("bad-frame", g.reply("gb").getString("code"));
            assertEquals(1, g.frames().stream().filter(f -> isState(f, room)).count(),
                    "refused actions change nothing anyone sees");

            h.send(action(room, "play", null, "hp"));
            JsonObject playing = g.await(f -> isState(f, room) && f.getJsonObject("state").getBoolean("playing"))
                    .getJsonObject("state");
            assertTrue(position(playing) >= 600_000);

            // A drifting player gets a resync reply on its own connection only.
            g.send(action(room, "sync", Api.json("positionMs", 0), "gs"));
            JsonObject resync = g.reply("gs");
            assertEquals("plugin.event", resync.getString("type"));
            assertEquals("resync", resync.getString("event"));
            assertTrue(position(resync.getJsonObject("payload")) >= 600_000);

            // Handing over is announced to everyone.
            h.send(action(room, "hand-over", Api.json("accountId", guest.id()), "ho"));
            JsonObject changed = g.await(f -> f.getString("type").equals("plugin.event")
                    && f.getString("event").equals("host-changed"));
            assertEquals(guest.id(), changed.getJsonObject("payload").getJsonNumber("to").longValue());
            h.send(action(room, "pause", null, "hpause"));
            assertEquals("not-host", h.reply("hpause").getString("code"));

            try (LiveClient l = LiveClient.open(late)) {
                JsonObject lateState = l.send(Rooms.join(room, null, "jl")).reply("jl").getJsonObject("roomState");
                assertTrue(lateState.getBoolean("playing"));
                assertTrue(position(lateState) >= 600_000, "the late joiner's position follows the server clock");
                assertEquals(guest.id(), lateState.getJsonNumber("host").longValue());
            }

            // The city's discussion room is unaffected.
            h.send(Rooms.join(general, null, "jgen")).reply("jgen");
            h.send(Rooms.post(general, "wp-1", "see you at the party"));
            assertEquals("ack", h.reply("f-wp-1").getString("type"));
            h.send(action(general, "play", null, "dp"));
            assertEquals("unsupported-kind", h.reply("dp").getString("code"));
        }

        String screeningsPath = "/api/plugins/film/cities/" + city + "/screenings";
        JsonObject link = host.get(screeningsPath).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> linksTo(s, room))
                .findFirst().orElseThrow().getJsonObject("watchParty");
        assertEquals("open", link.getString("status"));
        host.patch("/api/rooms/" + room, Api.json("archived", true)).expect(200);
        JsonObject closed = host.get(screeningsPath).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> linksTo(s, room))
                .findFirst().orElseThrow().getJsonObject("watchParty");
        assertEquals("closed", closed.getString("status"), "archiving the room closes the kind's room");
    }

    @Test
    void theKindRefusesAnUnknownScreeningAndIsCreatableOnlyWhereFilmIsEnabled(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        long gdynia = Rooms.citySpace(admin, "gdynia");
        long kathmandu = Rooms.citySpace(admin, "kathmandu");
        Api.Response unknown = admin.post("/api/spaces/" + gdynia + "/rooms", Api.json("name", "No such film",
                "kind", "watch-party", "attributes", Api.json("screening", "s-0000000000000000"))).expect(422);
        assertTrue(unknown.object().getString("type").endsWith("unknown-screening"), unknown.object().toString());
        admin.post("/api/spaces/" + gdynia + "/rooms", Api.json("name", "Nope", "kind", "no-such-kind")).expect(400);
        try {
            admin.put("/api/admin/plugins/film/cities", Api.json("networkWide", false, "cities", List.of("gdynia")))
                    .expect(200);
            Api.Response refused = admin.post("/api/spaces/" + kathmandu + "/rooms",
                    Api.json("name", "Party", "kind", "watch-party", "attributes", Api.json("durationMs", 1000)))
                    .expect(422);
            assertTrue(refused.object().getString("detail").contains("not enabled"), refused.object().toString());
            admin.post("/api/spaces/" + gdynia + "/rooms", Api.json("name", "Free party", "kind", "watch-party",
                    "attributes", Api.json("durationMs", 1000))).expect(201);
        } finally {
            admin.put("/api/admin/plugins/film/cities", Api.json("networkWide", true, "cities", List.of()))
                    .expect(200);
        }
    }

    @Test
    void aStallingKindCostsTheActorAnErrorWithoutBlockingMessagesOrTheRoomsLaterActions(PackagedServer server,
                                                                                         Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser member = TestUser.register(api, "Stall Watcher");
        String city = "gdynia";
        Rooms.members(admin, city, member);
        String pluginId = "it-wp-stall";
        admin.delete("/api/admin/plugins/" + pluginId + "?purge=true").expect(204, 404);
        PluginAdmin.of(server).install(PluginJars.variant("hangs", Map.of("Plugin-Id", pluginId)));
        try {
            long space = Rooms.citySpace(admin, city);
            long stallRoom = admin.post("/api/spaces/" + space + "/rooms", Api.json("name", "stalling",
                    "kind", "stall")).expect(201).object().getJsonNumber("id").longValue();
            long general = Rooms.generalRoom(member, city);
            try (LiveClient c = LiveClient.open(member)) {
                JsonObject welcome = c.send(Rooms.join(stallRoom, null, "js")).reply("js");
                assertEquals(0, welcome.getJsonObject("roomState").getJsonNumber("pings").longValue());
                c.send(Rooms.join(general, null, "jg")).reply("jg");

                c.send(action(stallRoom, "stall", null, "st1"));
                c.send(action(stallRoom, "ping", null, "pg1"));
                c.send(Rooms.post(stallRoom, "stall-1", "still here"));
                c.send(Rooms.post(general, "stall-2", "and here"));
                assertEquals("ack", c.reply("f-stall-1").getString("type"));
                assertEquals("ack", c.reply("f-stall-2").getString("type"));
                assertTrue(c.frames().stream().noneMatch(f -> "st1".equals(f.getString("id", null))),
                        "both messages were acked while the plugin was still stalling");

                JsonObject failed = c.reply("st1");
                assertEquals("plugin-failed", failed.getString("code"));
                JsonObject pinged = c.await(f -> isState(f, stallRoom));
                assertEquals(1, pinged.getJsonObject("state").getJsonNumber("pings").longValue());
                List<JsonObject> frames = c.frames();
                assertTrue(frames.indexOf(failed) < frames.indexOf(pinged),
                        "the room's next action was decided after the stalled one");
            }
        } finally {
            admin.delete("/api/admin/plugins/" + pluginId + "?purge=true").expect(204, 404);
        }
    }

    /**
     * A party in a members-only space: the public screening list and the screening itself name its room only to
     * those who may read the room (issue 15: a public plugin route listed a members-only party).
     */
    @Test
    void aMembersOnlyPartyIsListedOnlyToThoseWhoMayReadIt(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(api, "Private Host");
        TestUser outsider = TestUser.register(api, "Party Outsider");
        String city = "gdynia";
        Rooms.members(admin, city, host);
        admin.put("/api/cities/" + city + "/members/" + host.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        String screenings = "/api/plugins/film/cities/" + city + "/screenings";
        String id = host.post(screenings, screening("Private " + System.nanoTime())).expect(201).object()
                .getString("id");
        JsonObject party = host.post(screenings + "/" + id + "/watch-party", null).expect(201).object();
        long space = host.post("/api/spaces", Api.json("name", "Film club " + System.nanoTime(), "city", city,
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        long room = host.post("/api/spaces/" + space + "/rooms", Api.json("name", party.getString("name"),
                "kind", "watch-party", "attributes", party.getJsonObject("attributes"))).expect(201).object()
                .getJsonNumber("id").longValue();

        java.util.function.Function<Api.Response, JsonObject> listed = r -> r.expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(s -> s.getString("id").equals(id)).findFirst().orElseThrow();
        assertTrue(linksTo(listed.apply(host.get(screenings)), room), "a member sees the party's room");
        assertFalse(linksTo(listed.apply(api.get(screenings)), room),
                "a visitor's list does not name a members-only room");
        assertFalse(linksTo(listed.apply(outsider.get(screenings)), room),
                "nor does a signed-in non-member's");
        assertFalse(linksTo(api.get(screenings + "/" + id).expect(200).object(), room),
                "nor does the screening itself");
    }
}
