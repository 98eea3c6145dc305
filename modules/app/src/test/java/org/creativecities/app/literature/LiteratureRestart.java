package org.creativecities.app.literature;

import static org.creativecities.app.literature.LiteratureRooms.action;
import static org.creativecities.app.literature.LiteratureRooms.isState;
import static org.creativecities.app.literature.LiteratureRooms.join;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * A literature session midway through, for a restart: a reading circle where the host reached chapter 3 and posted in
 * chapter 2's thread while a member is at chapter 1, and a round-robin story whose first turn was written (its work
 * has that version) and whose second turn is running. Everything was acknowledged before {@link #prepare} returns;
 * the check, after the restart, finds it all, still spoiler-safe, and the story goes on from the running turn.
 * Self-contained: its own city, people and rooms.
 */
public final class LiteratureRestart {

    private LiteratureRestart() {
    }

    /** Sets the session up on {@code server} and returns the check to run once it has restarted. */
    public static Runnable prepare(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        String city = LiteratureRooms.city(admin, "Restart Readers");
        TestUser host = TestUser.register(server.api(), "Restart Host");
        TestUser bea = TestUser.register(server.api(), "Restart Bea");
        TestUser cal = TestUser.register(server.api(), "Restart Cal");
        for (TestUser p : List.of(host, bea, cal)) {
            LiteratureRooms.join(p, city);
        }
        LiteratureRooms.coordinator(admin, city, host);
        LiteratureRooms.citySetting(host, city, "turn-seconds", 3600);
        String kept = "Kept across the restart " + System.nanoTime();
        long circle = LiteratureRooms.room(host, city, "reading-circle", "Restart circle",
                Api.json("book", "Middlemarch", "chapters", List.of("Miss Brooke", "Old and Young", "Waiting")));
        long story = LiteratureRooms.room(host, city, "round-robin", "Restart story", Api.json("title", "Ebb"));
        long work;
        try (LiveClient h = LiveClient.open(host); LiveClient b = LiveClient.open(bea);
             LiveClient c = LiveClient.open(cal)) {
            h.send(join(circle, "hc")).reply("hc");
            b.send(join(circle, "bc")).reply("bc");
            h.send(action(circle, "reach", Api.json("chapter", 3), "h3")).reply("h3");
            b.send(action(circle, "reach", Api.json("chapter", 1), "b1")).reply("b1");
            h.send(action(circle, "post", Api.json("chapter", 2, "text", kept), "hp")).reply("hp");

            h.send(join(story, "hs")).reply("hs");
            b.send(join(story, "bs")).reply("bs");
            c.send(join(story, "cs")).reply("cs");
            b.send(action(story, "join-rota", Api.json(), "bj"));
            b.await(f -> isState(f, story));
            c.send(action(story, "join-rota", Api.json(), "cj"));
            c.await(f -> isState(f, story) && f.getJsonObject("state").getJsonArray("rota").size() == 2);
            h.send(action(story, "start", Api.json(), "st"));
            b.await(f -> isState(f, story) && f.getJsonObject("state").getString("status").equals("writing"));
            b.send(action(story, "write", Api.json("text", "The sea left at dawn."), "bw"));
            JsonObject acknowledged = b.await(f -> isState(f, story) && f.getJsonObject("state").getInt("turn") == 2)
                    .getJsonObject("state");
            work = acknowledged.getJsonNumber("workId").longValue();
        }
        long storyWork = work;
        return () -> check(host, bea, cal, circle, story, storyWork, kept);
    }

    private static void check(TestUser host, TestUser bea, TestUser cal, long circle, long story, long work,
                              String kept) {
        try (LiveClient h = LiveClient.open(host); LiveClient b = LiveClient.open(bea);
             LiveClient c = LiveClient.open(cal)) {
            JsonObject circleState = h.send(join(circle, "hc2")).reply("hc2").getJsonObject("roomState");
            assertEquals("Middlemarch", circleState.getString("book"));
            assertEquals(List.of(3, 1), circleState.getJsonArray("progress").stream()
                    .map(p -> p.asJsonObject().getInt("chapter")).toList());
            h.send(action(circle, "read-thread", Api.json("chapter", 2), "hr"));
            assertEquals(kept, h.reply("hr").getJsonObject("payload").getJsonArray("posts").getJsonObject(0)
                    .getString("text"));
            b.send(join(circle, "bc2")).reply("bc2");
            b.send(action(circle, "read-thread", Api.json("chapter", 2), "br"));
            assertEquals("chapter-not-reached", b.reply("br").getString("code"), "still spoiler-safe");

            JsonObject storyState = c.send(join(story, "cs2")).reply("cs2").getJsonObject("roomState");
            assertEquals("writing", storyState.getString("status"));
            assertEquals(2, storyState.getInt("turn"));
            assertEquals(cal.id(), storyState.getJsonNumber("holder").longValue());
            assertEquals("The sea left at dawn.", storyState.getString("text"));
            c.send(action(story, "write", Api.json("text", "It came back at noon."), "cw"));
            JsonObject next = c.await(f -> isState(f, story) && f.getJsonObject("state").getInt("turn") == 3)
                    .getJsonObject("state");
            assertEquals(bea.id(), next.getJsonNumber("holder").longValue());
            assertEquals(3, bea.get("/api/works/" + work + "/versions").expect(200).array().size(),
                    "the work kept the first turn's version and took the next");
        }
    }
}
