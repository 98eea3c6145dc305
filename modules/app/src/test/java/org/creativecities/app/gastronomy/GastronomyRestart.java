package org.creativecities.app.gastronomy;

import static org.creativecities.app.gastronomy.Tastings.action;
import static org.creativecities.app.gastronomy.Tastings.dish;
import static org.creativecities.app.gastronomy.Tastings.event;
import static org.creativecities.app.gastronomy.Tastings.hasDish;
import static org.creativecities.app.gastronomy.Tastings.state;
import static org.creativecities.app.gastronomy.Tastings.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.function.Predicate;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.opentest4j.AssertionFailedError;

/**
 * A tasting in the middle of a session across a server restart, as a reusable scenario: before the restart a round
 * was closed and announced, a second dish was revealed with a 25 s round timer and rated, and a third is lined up,
 * each action acknowledged; after it, the acknowledged ballot is counted, the round closes by its durable timer at
 * the deadline set before the restart (announced into the room), and the host gets the line-up again. Self-contained:
 * its own people, room and city ({@value #CITY}).
 */
public final class GastronomyRestart {

    static final String CITY = "arequipa";
    private static final int ROUND_SECONDS = 25;

    private GastronomyRestart() {
    }

    /** Sets the session up midway and returns the check to run after the restart. */
    public static Runnable prepare(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser host = Tastings.coordinator(admin, CITY, "Restart Host");
        TestUser taster = Tastings.member(admin, CITY, "Restart Taster");
        long room = Tastings.tastingRoom(host, CITY, "taste", "presentation");
        String closesAt;
        long lastSeq;
        try (LiveClient h = LiveClient.open(host); LiveClient t = LiveClient.open(taster)) {
            h.send(Rooms.join(room, null, "jh")).reply("jh");
            t.send(Rooms.join(room, null, "jt")).reply("jt");
            h.send(action(room, "add-dish", Api.json("name", "Rocoto relleno"), "a1")).reply("a1");
            h.send(action(room, "add-dish", Api.json("name", "Adobo arequipeño"), "a2")).reply("a2");
            h.send(action(room, "add-dish", Api.json("name", "Queso helado"), "a3")).reply("a3");
            h.send(action(room, "reveal", Api.json("seconds", 0), "r1"));
            t.await(state(room, s -> hasDish(s, "d1", "open")));
            t.send(action(room, "rate", Api.json("dish", "d1", "scores", Api.json("taste", 4, "presentation", 4)),
                    "t1"));
            assertEquals("ballot", t.reply("t1").getString("event"));
            h.send(action(room, "close-round", Api.json(), "c1"));
            lastSeq = t.await(system(room, "round-closed")).getJsonNumber("seq").longValue();
            h.send(action(room, "reveal", Api.json("seconds", ROUND_SECONDS), "r2"));
            JsonObject open = t.await(state(room, s -> hasDish(s, "d2", "open"))).getJsonObject("state");
            closesAt = dish(open, "d2").getString("closesAt");
            t.send(action(room, "rate", Api.json("dish", "d2", "scores", Api.json("taste", 5)), "t2"));
            assertEquals("ballot", t.reply("t2").getString("event"), "the ballot is acknowledged");
        }
        long since = lastSeq;
        String deadline = closesAt;
        return () -> check(host, taster, room, since, deadline);
    }

    private static void check(TestUser host, TestUser taster, long room, long since, String deadline) {
        try (LiveClient t = LiveClient.open(taster); LiveClient h = LiveClient.open(host)) {
            JsonObject welcome = t.send(Rooms.join(room, since, "j")).reply("j").getJsonObject("roomState");
            JsonObject d2 = dish(welcome, "d2");
            if (d2.getString("status").equals("open")) {
                assertEquals(deadline, d2.getString("closesAt"), "the round keeps the deadline set before the restart");
            }
            JsonObject closed = awaitLong(t, f -> system(room, "round-closed").test(f)
                    && f.getJsonObject("payload").getString("dish").equals("d2"));
            assertEquals(1, closed.getJsonObject("payload").getInt("ballots"), "the acknowledged ballot counts");
            assertEquals(5.0, closed.getJsonObject("payload").getJsonNumber("score").doubleValue());

            t.send(action(room, "refresh", Api.json(), "f"));
            JsonObject now = t.reply("f").getJsonObject("payload");
            assertEquals(4.0, dish(now, "d1").getJsonNumber("score").doubleValue(), "the first round's results");
            assertTrue(hasDish(now, "d2", "closed"));
            assertEquals(1, now.getInt("hidden"));

            h.send(Rooms.join(room, null, "jh")).reply("jh");
            JsonObject lineup = h.await(event(room, "lineup"));
            assertEquals("Queso helado", lineup.getJsonObject("payload").getJsonArray("dishes").getJsonObject(0)
                    .getString("name"), "the host's line-up survives");
        }
    }

    /** Waits for a frame over a round timer's length: the deadline may be up to 25 s after the restart. */
    private static JsonObject awaitLong(LiveClient c, Predicate<JsonObject> match) {
        for (int attempt = 1; ; attempt++) {
            try {
                return c.await(match);
            } catch (AssertionFailedError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
