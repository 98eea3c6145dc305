package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The room services of plugin API 1.3, driven through the {@code test-rooms} plugin's {@code relay} kind with real
 * WebSocket clients: system events in the room's seq space (live, replayed, in the REST history), the module's
 * messages, frames to one person, the limits and refusals, the lifecycle callbacks, and visibility.
 */
@ExtendWith(SharedServer.class)
class PluginRoomServicesIT {

    private static final String CITY = "gdynia";
    private static final String PLUGIN = "/api/plugins/test-rooms";

    private static synchronized void installed(PackagedServer server) {
        PluginAdmin admin = PluginAdmin.of(server);
        if (admin.get("/api/admin/plugins/test-rooms").status() == 404) {
            admin.install(PluginJars.built("rooms"));
        }
    }

    /** A coordinator of the city with a new relay room in the given space (the city's space when 0). */
    private static long relayRoom(TestUser host, long space) {
        long in = space == 0 ? Rooms.citySpace(host, CITY) : space;
        return host.post("/api/spaces/" + in + "/rooms", Api.json("name", "Relay " + System.nanoTime(),
                "kind", "relay")).expect(201).object().getJsonNumber("id").longValue();
    }

    private static TestUser member(PackagedServer server, TestUser admin, String name) {
        return Rooms.member(server.api(), admin, CITY, name);
    }

    private static TestUser coordinator(PackagedServer server, TestUser admin, String name) {
        return Rooms.coordinator(server.api(), admin, CITY, name);
    }

    /** The plugin installed, a coordinator of the city and a new relay room of theirs in the city's space. */
    private record Party(TestUser admin, TestUser host, long room) {

        static Party of(PackagedServer server, String hostName) {
            installed(server);
            TestUser admin = TestUser.admin(server);
            TestUser host = coordinator(server, admin, hostName);
            return new Party(admin, host, relayRoom(host, 0));
        }
    }

    private static JsonObject action(long room, String action, JsonObject payload, String id) {
        return Api.json("type", "action", "room", room, "action", action, "payload", payload, "id", id);
    }

    private static Predicate<JsonObject> system(long room, String event) {
        return f -> f.getString("type").equals("system") && f.getJsonNumber("room").longValue() == room
                && f.getString("event").equals(event);
    }

    private static long seq(JsonObject f) {
        return f.getJsonNumber("seq").longValue();
    }

    /** Polls the relay's record of callbacks for a room until it holds the entry (callbacks are asynchronous). */
    private static List<String> awaitCall(PackagedServer server, long room, String entry) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> calls;
        do {
            calls = server.api().get(PLUGIN + "/calls?room=" + room).expect(200).array().stream()
                    .map(v -> ((jakarta.json.JsonString) v).getString()).toList();
            if (calls.contains(entry)) {
                return calls;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the relay never heard '" + entry + "' for room " + room + ": " + calls);
    }

    @Test
    void systemEventsShareTheRoomsSeqsAndAreReplayedAndSentToOnePersonOnly(PackagedServer server, Api api) {
        Party party = Party.of(server, "Relay Host");
        TestUser host = party.host();
        TestUser guest = member(server, party.admin(), "Relay Guest");
        long room = party.room();

        try (LiveClient h = LiveClient.open(host); LiveClient g = LiveClient.open(guest)) {
            h.send(Rooms.join(room, 0L, "jh")).reply("jh");
            JsonObject opened = h.await(system(room, "relay-opened"));
            assertEquals(1, seq(opened), "the kind's opened callback published the room's first event");
            assertEquals("test-rooms", opened.getJsonObject("source").getString("plugin"));
            assertEquals("the Relay module", opened.getJsonObject("source").getString("name"));
            assertFalse(opened.containsKey("author"), "a system event has no person as its author: " + opened);
            g.send(Rooms.join(room, null, "jg")).reply("jg");

            h.send(action(room, "publish", Api.json("event", "track", "data", Api.json("n", 3, "of", 12)), "a1"));
            long track = h.reply("a1").getJsonObject("payload").getJsonNumber("seq").longValue();
            JsonObject seen = g.await(system(room, "track"));
            assertEquals(track, seq(seen));
            assertEquals(12, seen.getJsonObject("payload").getInt("of"));
            g.send(Rooms.post(room, "m1", "after the track"));
            assertEquals(track + 1, seq(g.reply("f-m1")), "messages and system events share one seq space");

            h.send(action(room, "say", Api.json("text", "<b>Doors</b> open"), "a2"));
            long said = h.reply("a2").getJsonObject("payload").getJsonNumber("seq").longValue();
            JsonObject message = g.await(system(room, "message"));
            assertEquals(said, seq(message));
            assertEquals("<b>Doors</b> open", message.getString("text"));
            assertFalse(message.getString("html").contains("<b>"), "the module's text is rendered safely");

            JsonObject announced = host.post(PLUGIN + "/rooms/" + room + "/announce",
                    Api.json("text", "From a route")).expect(200).object();
            long fromRoute = announced.getJsonNumber("seq").longValue();
            assertEquals("From a route", g.await(f -> system(room, "message").test(f) && seq(f) == fromRoute)
                    .getString("text"), "the kind's services work outside a kind call, from an HTTP route");

            h.send(action(room, "deal", Api.json("to", guest.id(), "card", "ace of hearts"), "a3"));
            assertEquals(1, h.reply("a3").getJsonObject("payload").getInt("reached"));
            JsonObject hand = g.await(f -> f.getString("type").equals("plugin.event")
                    && f.getString("event").equals("hand"));
            assertTrue(hand.getBoolean("private"));
            assertEquals("ace of hearts", hand.getJsonObject("payload").getString("card"));
            assertTrue(h.frames("plugin.event").stream().noneMatch(f -> f.getString("event").equals("hand")),
                    "the host got the reply sent after the guest's hand, and never the hand");

            try (LiveClient late = LiveClient.open(guest)) {
                late.send(Rooms.join(room, track - 1, "jl"));
                JsonObject welcome = late.reply("jl");
                assertEquals(fromRoute, welcome.getJsonNumber("latestSeq").longValue());
                assertEquals(seq(late.await(system(room, "track"))), track, "a resume replays system events");
                late.await(f -> Rooms.isMessage(f, room) && seq(f) == track + 1);
                assertEquals("ace of hearts", late.await(f -> f.getString("type").equals("plugin.event")
                        && f.getString("event").equals("hand")).getJsonObject("payload").getString("card"),
                        "the kind's joined callback sends the person's own state again to a new connection");
            }
            JsonObject history = guest.get("/api/rooms/" + room + "/history?after=0").expect(200).object();
            assertTrue(history.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .anyMatch(e -> e.getString("type").equals("system") && seq(e) == track), history.toString());
            assertTrue(history.toString().indexOf("ace of hearts") < 0, "a frame to one person is never stored");
        }
    }

    @Test
    void publishingIsRefusedWithSpecificReasons(PackagedServer server, Api api) {
        Party party = Party.of(server, "Relay Limits");
        TestUser host = party.host();
        long room = party.room();
        long general = Rooms.generalRoom(host, CITY);

        try (LiveClient h = LiveClient.open(host)) {
            h.send(Rooms.join(room, null, "j"));
            h.reply("j");
            h.send(action(room, "big", JsonValue.EMPTY_JSON_OBJECT, "b"));
            assertEquals("too-large", h.reply("b").getJsonObject("payload").getString("reason"));
            h.send(action(room, "foreign", Api.json("room", String.valueOf(general)), "f"));
            assertEquals("not-owned", h.reply("f").getJsonObject("payload").getString("reason"),
                    "a plugin publishes only into rooms of its own kinds");
            // In bursts of 15 (each well within a call's time limit) until the room's rate refuses one.
            // The rate refills steadily (one a second): on a quiet machine the sixth burst is refused; a loaded one
            // takes longer per burst and refills more on the way, so the loop allows twenty.
            String refused = "";
            for (int i = 0; i < 20 && refused.isEmpty(); i++) {
                h.send(action(room, "burst", Api.json("n", 15), "r" + i));
                refused = h.reply("r" + i).getJsonObject("payload").getString("refused");
            }
            assertEquals("rate-limited", refused);
        }
        host.patch("/api/rooms/" + room, Api.json("archived", true)).expect(200);
        awaitCall(server, room, "archived");
        Api.Response refused = host.post(PLUGIN + "/rooms/" + room + "/announce", Api.json("text", "too late"))
                .expect(422);
        assertTrue(refused.body().contains("archived"), refused.body());
    }

    /**
     * The module switched off in the room's city: an action in the room and the module's own write into it (from a
     * route, as from a timer) are refused with the same reason, which names the city as people know it.
     */
    @Test
    void anActionAndAWriteOfAModuleSwitchedOffInTheRoomsCityAreRefusedForTheSameReason(PackagedServer server,
                                                                                        Api api) {
        Party party = Party.of(server, "Relay Offcity");
        TestUser host = party.host();
        long room = party.room();
        String cityName = api.get("/api/cities/" + CITY).expect(200).object().getString("name");
        try (LiveClient h = LiveClient.open(host)) {
            h.send(Rooms.join(room, null, "j")).reply("j");
            party.admin().put("/api/admin/plugins/test-rooms/cities", Api.json("networkWide", false,
                    "cities", List.of())).expect(200);
            try {
                h.send(action(room, "say", Api.json("text", "not now"), "off"));
                JsonObject refused = h.reply("off");
                assertEquals("kind-unavailable", refused.getString("code"), refused.toString());
                String reason = refused.getString("reason");
                assertTrue(reason.contains("switched off in " + cityName + ":"), reason);
                Api.Response written = host.post(PLUGIN + "/rooms/" + room + "/announce",
                        Api.json("text", "not now either")).expect(422);
                assertEquals("Room " + room + ": " + reason, written.object().getString("detail"));
            } finally {
                party.admin().put("/api/admin/plugins/test-rooms/cities", Api.json("networkWide", true,
                        "cities", List.of())).expect(200);
            }
        }
    }

    @Test
    void lifecycleCallbacksFollowPeopleAndAThrowingOneBlocksNothing(PackagedServer server, Api api) {
        Party party = Party.of(server, "Relay Lifecycle");
        TestUser host = party.host();
        TestUser thrower = member(server, party.admin(), "Thrower Relay");
        long room = party.room();
        awaitCall(server, room, "opened");

        try (LiveClient t = LiveClient.open(thrower)) {
            t.send(Rooms.join(room, null, "jt"));
            assertEquals("welcome", t.reply("jt").getString("type"));
            awaitCall(server, room, "joined " + thrower.id() + " true");
            PluginAdmin.of(server).awaitPlugin("test-rooms", p -> p.getString("lastError", "")
                    .contains("relay joined"), Duration.ofSeconds(20));
            t.send(Rooms.post(room, "t1", "still here"));
            assertEquals("ack", t.reply("f-t1").getString("type"),
                    "a throwing joined callback counts against the plugin and blocks nothing");
        }
        try (LiveClient one = LiveClient.open(host); LiveClient two = LiveClient.open(host)) {
            one.send(Rooms.join(room, null, "j1")).reply("j1");
            awaitCall(server, room, "joined " + host.id() + " true");
            two.send(Rooms.join(room, null, "j2")).reply("j2");
            awaitCall(server, room, "joined " + host.id() + " false");
            one.send(Api.json("type", "leave", "room", room, "id", "l1")).reply("l1");
            two.send(Api.json("type", "leave", "room", room, "id", "l2")).reply("l2");
            List<String> calls = awaitCall(server, room, "left " + host.id());
            assertEquals(1, calls.stream().filter(c -> c.equals("left " + host.id())).count(),
                    "left is told once, when the person's last connection leaves: " + calls);
        }
        awaitCall(server, room, "left " + thrower.id());
    }

    @Test
    void aPluginAsksWhetherARoomIsMembersOnlyAndWhetherTheCallerMayReadIt(PackagedServer server, Api api) {
        Party party = Party.of(server, "Relay Private");
        TestUser host = party.host();
        TestUser outsider = TestUser.register(api, "Relay Outsider");
        long space = host.post("/api/spaces", Api.json("name", "Relay members " + System.nanoTime(), "city", CITY,
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        long hidden = relayRoom(host, space);
        long open = party.room();

        JsonObject visitor = api.get(PLUGIN + "/rooms/" + hidden + "/visibility").expect(200).object();
        assertTrue(visitor.getBoolean("membersOnly"));
        assertFalse(visitor.getBoolean("mayRead"));
        assertFalse(outsider.get(PLUGIN + "/rooms/" + hidden + "/visibility").expect(200).object()
                .getBoolean("mayRead"));
        assertTrue(host.get(PLUGIN + "/rooms/" + hidden + "/visibility").expect(200).object().getBoolean("mayRead"));
        JsonObject public_ = api.get(PLUGIN + "/rooms/" + open + "/visibility").expect(200).object();
        assertFalse(public_.getBoolean("membersOnly"));
        assertTrue(public_.getBoolean("mayRead"));
        api.get(PLUGIN + "/rooms/" + Rooms.generalRoom(host, CITY) + "/visibility").expect(404);
    }

    /**
     * {@code rooms.create}: a plugin creates and archives rooms of its kind in a city only as someone who may manage
     * rooms there; the core's own rules and the kind's callbacks apply, and anyone else is refused with the reason.
     */
    @Test
    void aPluginCreatesAndArchivesRoomsOfItsKindOnlyAsSomeoneWhoMayManageThem(PackagedServer server) {
        installed(server);
        TestUser admin = TestUser.admin(server);
        TestUser host = coordinator(server, admin, "Cory Creates");
        TestUser someone = member(server, admin, "Mo Member");
        String created = host.post(PLUGIN + "/cities/" + CITY + "/rooms", Api.json("name", "Tasting 1")).expect(201)
                .object().getString("room");
        JsonObject room = host.get("/api/rooms/" + created).expect(200).object();
        assertEquals("relay", room.getString("kind"));
        assertEquals("Tasting 1", room.getString("name"));

        Api.Response refused = someone.post(PLUGIN + "/cities/" + CITY + "/rooms", Api.json("name", "Mine"));
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("refused", refused.object().getString("title"));
        assertEquals(422, someone.post(PLUGIN + "/rooms/" + created + "/archive", null).status());

        host.post(PLUGIN + "/rooms/" + created + "/archive", null).expect(204);
        assertTrue(host.get("/api/rooms/" + created).expect(200).object().getBoolean("archived"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        String calls = "";
        while (System.nanoTime() < deadline && !(calls.contains("opened") && calls.contains("archived"))) {
            calls = host.get(PLUGIN + "/calls?room=" + created).expect(200).body();
        }
        assertTrue(calls.contains("opened") && calls.contains("archived"), calls);
    }
}
