package org.creativecities.app.literature;

import static org.creativecities.app.literature.LiteratureRooms.action;
import static org.creativecities.app.literature.LiteratureRooms.isEvent;
import static org.creativecities.app.literature.LiteratureRooms.isState;
import static org.creativecities.app.literature.LiteratureRooms.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled literature plugin end to end, with real WebSocket clients: a reading circle's chapter threads never
 * reach a member who has not reached the chapter (no frame, no state, no history, no REST), and a round-robin story
 * whose turn passes in order and times out, written into a text work through {@code works.write} that its authors
 * export and fork through the core's works API.
 */
@ExtendWith(SharedServer.class)
class LiteratureIT {

    /** The cities this class created, retired when it ends. */
    private static final TestCities TEST_CITIES = new TestCities();

    @org.junit.jupiter.api.AfterAll
    static void retireTheTestCities() {
        TEST_CITIES.retireAll();
    }

    private static String city(TestUser admin, String name) {
        return TEST_CITIES.add(LiteratureRooms.city(admin, name), admin);
    }

    private static TestUser admin;
    private static TestUser host;
    private static TestUser bea;
    private static TestUser cal;
    private static TestUser outsider;
    private static String city;

    @BeforeAll
    static void setUp(PackagedServer server) {
        admin = TestUser.admin(server);
        city = city(admin, "Readers");
        host = TestUser.register(server.api(), "Circle Host");
        bea = TestUser.register(server.api(), "Bea Reader");
        cal = TestUser.register(server.api(), "Cal Writer");
        outsider = TestUser.register(server.api(), "Not A Member");
        for (TestUser p : List.of(host, bea, cal)) {
            LiteratureRooms.join(p, city);
        }
        LiteratureRooms.coordinator(admin, city, host);
    }

    private static JsonObject chapter(int n) {
        return Api.json("chapter", n);
    }

    @Test
    void aMemberWhoHasNotReachedChapterThreeReceivesNothingOfItsThreadAndIsRefusedReadingOrPostingThere() {
        long room = LiteratureRooms.room(host, city, "reading-circle", "Ulysses circle", Api.json("book", "Ulysses",
                "chapters", List.of("Telemachus", "Nestor", "Proteus", "Calypso")));
        String spoiler = "SPOILER-" + System.nanoTime();
        try (LiveClient h = LiveClient.open(host); LiveClient b = LiveClient.open(bea)) {
            JsonObject welcome = h.send(join(room, "jh")).reply("jh");
            assertEquals("reading-circle", welcome.getString("kind"));
            assertEquals(4, welcome.getJsonObject("roomState").getJsonArray("chapters").size());
            b.send(join(room, "jb")).reply("jb");
            assertEquals(0, b.await(f -> isEvent(f, room, "you")).getJsonObject("payload").getInt("reached"),
                    "each joiner is told their own progress privately");

            h.send(action(room, "reach", chapter(3), "h3"));
            assertEquals(3, h.reply("h3").getJsonObject("payload").getInt("reached"));
            b.send(action(room, "reach", chapter(2), "b2"));
            assertEquals(2, b.reply("b2").getJsonObject("payload").getInt("reached"));

            h.send(action(room, "post", Api.json("chapter", 3, "text", spoiler), "hp3"));
            assertEquals(spoiler, h.reply("hp3").getJsonObject("payload").getJsonObject("post").getString("text"));
            h.send(action(room, "post", Api.json("chapter", 2, "text", "Nestor's lesson"), "hp2"));
            // Bea's frames come in order: once chapter 2's post reached her, chapter 3's would have come before it.
            JsonObject shared = b.await(f -> isEvent(f, room, "thread-post"));
            assertEquals(2, shared.getJsonObject("payload").getInt("chapter"));
            assertTrue(shared.getBoolean("private"));
            assertTrue(b.frames().stream().noneMatch(f -> f.toString().contains(spoiler)),
                    "not a single frame to Bea carries chapter 3's thread");

            b.send(action(room, "read-thread", chapter(3), "br3"));
            JsonObject refusedRead = b.reply("br3");
            assertEquals("error", refusedRead.getString("type"));
            assertEquals("chapter-not-reached", refusedRead.getString("code"));
            b.send(action(room, "post", Api.json("chapter", 3, "text", "what happens?"), "bp3"));
            assertEquals("chapter-not-reached", b.reply("bp3").getString("code"));
            b.send(action(room, "set-chapters", Api.json("chapters", List.of("Only one")), "bset"));
            assertEquals("not-host", b.reply("bset").getString("code"));
            b.send(action(room, "reach", chapter(9), "b9"));
            assertEquals("bad-chapter", b.reply("b9").getString("code"));
            b.send(action(room, "read-thread", chapter(2), "br2"));
            assertEquals("Nestor's lesson", b.reply("br2").getJsonObject("payload").getJsonArray("posts")
                    .getJsonObject(0).getString("text"));

            try (LiveClient again = LiveClient.open(bea)) {
                JsonObject state = again.send(join(room, "jb2")).reply("jb2");
                assertFalse(state.toString().contains(spoiler), "nor is it in the welcome's state");
            }
            assertFalse(bea.get("/api/rooms/" + room + "/history").expect(200).body().contains(spoiler),
                    "nor in the room's history");
            String thread = "/api/plugins/literature/rooms/" + room + "/chapters/3/thread";
            Api.Response rest = bea.get(thread).expect(403);
            assertEquals("Chapter not reached", rest.object().getString("title"));
            assertFalse(rest.body().contains(spoiler));
            assertTrue(host.get(thread).expect(200).body().contains(spoiler));

            b.send(action(room, "reach", chapter(3), "b3"));
            b.reply("b3");
            b.send(action(room, "read-thread", chapter(3), "br3b"));
            assertEquals(spoiler, b.reply("br3b").getJsonObject("payload").getJsonArray("posts").getJsonObject(0)
                    .getString("text"), "once she reached chapter 3, its thread is hers to read");
        }
        try (LiveClient o = LiveClient.open(outsider)) {
            o.send(join(room, "jo")).reply("jo");
            o.send(action(room, "reach", chapter(1), "o1"));
            assertEquals("forbidden", o.reply("o1").getString("code"), "a non-member may not take part");
        }
    }

    @Test
    void theTurnPassesInOrderOnlyTheWriterWritesItTimesOutAndTheStoryIsAWorkToExportAndFork() {
        LiteratureRooms.citySetting(host, city, "turn-seconds", 600);
        long room = LiteratureRooms.room(host, city, "round-robin", "Tides story", Api.json("title", "Tides"));
        try (LiveClient h = LiveClient.open(host); LiveClient b = LiveClient.open(bea);
             LiveClient c = LiveClient.open(cal)) {
            h.send(join(room, "jh")).reply("jh");
            b.send(join(room, "jb")).reply("jb");
            c.send(join(room, "jc")).reply("jc");
            b.send(action(room, "join-rota", Api.json(), "bj"));
            b.await(f -> isState(f, room));
            c.send(action(room, "join-rota", Api.json(), "cj"));
            c.await(f -> isState(f, room) && f.getJsonObject("state").getJsonArray("rota").size() == 2);
            b.send(action(room, "start", Api.json(), "bs"));
            assertEquals("not-host", b.reply("bs").getString("code"));
            h.send(action(room, "start", Api.json(), "hs"));
            JsonObject started = b.await(f -> isState(f, room)
                    && f.getJsonObject("state").getString("status").equals("writing")).getJsonObject("state");
            assertEquals(bea.id(), started.getJsonNumber("holder").longValue());
            assertEquals(600, started.getInt("turnSeconds"));
            long work = started.getJsonNumber("workId").longValue();

            c.send(action(room, "write", Api.json("text", "Me first!"), "cw"));
            JsonObject notYours = c.reply("cw");
            assertEquals("not-your-turn", notYours.getString("code"));
            assertTrue(notYours.getString("reason").contains("Bea Reader"), notYours.toString());

            b.send(action(room, "write", Api.json("text", "The tide went out and did not come back."), "bw"));
            JsonObject written = c.await(f -> isState(f, room) && f.getJsonObject("state").getInt("turn") == 2)
                    .getJsonObject("state");
            assertEquals(cal.id(), written.getJsonNumber("holder").longValue());
            assertEquals("The tide went out and did not come back.", written.getString("text"));

            // The coordinator shortens the turns: Cal writes, then Bea lets her 2 s turn pass, and the durable timer
            // gives the turn to Cal and tells everyone (turns keep passing every 2 s until the host ends the story).
            LiteratureRooms.citySetting(host, city, "turn-seconds", 2);
            c.send(action(room, "write", Api.json("text", "Gulls circled the empty bay."), "cw2"));
            JsonObject third = b.await(f -> isState(f, room) && f.getJsonObject("state").getInt("turn") == 3)
                    .getJsonObject("state");
            assertEquals(bea.id(), third.getJsonNumber("holder").longValue());
            assertEquals(2, third.getInt("turnSeconds"), "the coordinator's new turn length applies to new turns");
            assertEquals(2, third.getInt("contributions"));
            JsonObject timedOut = h.await(f -> isEvent(f, room, "turn-timed-out"));
            assertEquals("system", timedOut.getString("type"));
            assertEquals(bea.id(), timedOut.getJsonObject("payload").getJsonNumber("timedOut").longValue());
            assertEquals(cal.id(), timedOut.getJsonObject("payload").getJsonObject("state").getJsonNumber("holder")
                    .longValue());
            h.send(action(room, "end", Api.json(), "he"));
            b.await(f -> isState(f, room) && f.getJsonObject("state").getString("status").equals("ended"));
            b.send(action(room, "write", Api.json("text", "Too late."), "bw3"));
            assertEquals("story-ended", b.reply("bw3").getString("code"));
            LiteratureRooms.citySetting(host, city, "turn-seconds", 600);

            // The story is an ordinary text work: versioned by its writers, exported and forked like any work.
            JsonObject view = bea.get("/api/works/" + work).expect(200).object();
            assertEquals("text", view.getString("kind"));
            assertEquals("Tides", view.getString("title"));
            assertEquals(city, view.getJsonArray("cities").getJsonObject(0).getString("slug"));
            List<Long> authors = view.getJsonArray("authors").stream()
                    .map(a -> a.asJsonObject().getJsonNumber("accountId").longValue()).toList();
            assertEquals(List.of(host.id(), bea.id(), cal.id()), authors,
                    "the host created it, the writers co-wrote it");
            List<Long> versionAuthors = bea.get("/api/works/" + work + "/versions").expect(200).array().stream()
                    .map(v -> v.asJsonObject().getJsonArray("authors").getJsonObject(0).getJsonNumber("accountId")
                            .longValue()).sorted().toList();
            assertEquals(List.of(host.id(), bea.id(), cal.id()).stream().sorted().toList(), versionAuthors,
                    "one version per writer, each authored by them");
            String markdown = bea.get("/api/works/" + work + "/export?format=md").expect(200).body();
            assertTrue(markdown.contains("The tide went out and did not come back.\n\nGulls circled the empty bay."),
                    markdown);
            LiteratureRooms.awaitFound(bea, "Gulls", work);
            outsider.get("/api/works/" + work).expect(404);
            for (TestUser author : List.of(host, bea, cal)) {
                author.post("/api/works/" + work + "/publish", Api.json("audience", "everyone")).expect(200);
            }
            JsonObject fork = outsider.post("/api/works/" + work + "/fork", Api.json("title", "Tides, again"))
                    .expect(201).object();
            assertTrue(fork.get("content").toString().contains("Gulls circled"), fork.toString());
        }
        try (LiveClient o = LiveClient.open(outsider)) {
            o.send(join(room, "jo")).reply("jo");
            o.send(action(room, "join-rota", Api.json(), "oj"));
            assertEquals("forbidden", o.reply("oj").getString("code"), "a non-member may not take part");
        }
    }

    @Test
    void aCityWhereTheLiteraturePluginIsSwitchedOffRefusesItsRoomKinds() {
        String elsewhere = city(admin, "No Readers");
        long space = LiteratureRooms.citySpace(admin, elsewhere);
        try {
            admin.put("/api/admin/plugins/literature/cities", Api.json("networkWide", false, "cities", List.of(city)))
                    .expect(200);
            for (String kind : List.of("reading-circle", "round-robin")) {
                Api.Response refused = admin.post("/api/spaces/" + space + "/rooms", Api.json("name", "Nope",
                        "kind", kind, "attributes", Api.json())).expect(422);
                assertTrue(refused.object().getString("detail").contains("not enabled"), refused.body());
            }
            LiteratureRooms.room(admin, city, "round-robin", "Still here", Api.json());
        } finally {
            admin.put("/api/admin/plugins/literature/cities", Api.json("networkWide", true, "cities", List.of()))
                    .expect(200);
        }
    }
}
