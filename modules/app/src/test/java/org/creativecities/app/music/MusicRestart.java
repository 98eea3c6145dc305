package org.creativecities.app.music;

import static org.creativecities.app.music.Music.action;
import static org.creativecities.app.music.Music.addLink;
import static org.creativecities.app.music.Music.isState;
import static org.creativecities.app.music.Music.isSystem;
import static org.creativecities.app.music.Music.nowPlaying;
import static org.creativecities.app.music.Music.queue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * The music plugin's restart scenario, self-contained (its own people, city and room) so that it can share one
 * server and one restart with other scenarios: a listening room midway through a session (a track playing, two
 * waiting, a vote that reordered them, a city setting a coordinator changed), every change acknowledged by its
 * state frame before the restart. After it, nothing is lost: the same queue in the same order with its vote (as far
 * as the clock has taken it), the setting, and the plugin's durable timers carry on to the end of the queue.
 */
public final class MusicRestart {

    /** How long the track playing at the restart lasts: it ends during the restart, or soon after it (within an await). */
    private static final long FIRST_MS = 12_000;

    private MusicRestart() {
    }

    /** Sets the session up, waits for its acknowledgements, and returns the check to run after the restart. */
    public static Runnable prepare(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(server.api(), "Restart DJ");
        TestUser guest = TestUser.register(server.api(), "Restart Listener");
        String city = Music.city(admin, "Restart Sound");
        Music.join(city, host, guest);
        Music.coordinator(admin, city, host);
        Music.allowHosts(host, city, "archive.org", "restart.example.org");
        long room = Music.listeningRoom(host, city, "Through the restart");
        long since;
        try (LiveClient g = LiveClient.open(guest)) {
            since = g.send(Rooms.join(room, null, "j")).reply("j").getJsonNumber("latestSeq").longValue();
            g.send(addLink(room, "Long intro", "https://archive.org/intro.mp3", FIRST_MS, "a1"));
            g.send(addLink(room, "Second", "https://restart.example.org/second.mp3", 2_000, "a2"));
            g.send(addLink(room, "Voted", "https://archive.org/voted.mp3", 3_000, "a3"));
            g.send(action(room, "vote", Api.json("trackId", "t3"), "v"));
            JsonObject acknowledged = g.await(f -> isState(f, room)
                    && queue(f.getJsonObject("state")).equals(List.of("Voted", "Second"))).getJsonObject("state");
            assertEquals("Long intro", nowPlaying(acknowledged));
        }
        return () -> check(host, city, room, since);
    }

    private static void check(TestUser host, String city, long room, long since) {
        assertEquals(List.of("archive.org", "restart.example.org"), host.get("/api/plugins/music/cities/" + city
                + "/rules").expect(200).object().getJsonArray("allowedHosts").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "the coordinator's setting is kept");
        try (LiveClient h = LiveClient.open(host)) {
            JsonObject state = h.send(Rooms.join(room, since, "r")).reply("r").getJsonObject("roomState");
            // Where the queue is depends on how long the restart took; what was acknowledged is there in any case.
            switch (state.getInt("plays")) {
                case 1 -> {
                    assertEquals("Long intro", nowPlaying(state), state.toString());
                    assertEquals(List.of("Voted", "Second"), queue(state));
                    assertEquals(1, state.getJsonArray("queue").getJsonObject(0).getInt("votes"), "the vote survived");
                }
                case 2 -> {
                    assertEquals("Voted", nowPlaying(state), state.toString());
                    assertEquals(1, state.getJsonObject("nowPlaying").getInt("votes"), "the vote survived");
                    assertEquals(List.of("Second"), queue(state));
                }
                case 3 -> {
                    assertEquals(List.of(), queue(state), state.toString());
                    if (state.get("nowPlaying") instanceof JsonObject playing) {
                        assertEquals("Second", playing.getString("title"));
                    }
                }
                default -> throw new AssertionError("three tracks were queued: " + state);
            }
            // The durable timers take the queue to its end, after the restart or while the server came back.
            JsonObject ended = h.await(f -> isSystem(f, room, "queue-ended")).getJsonObject("payload");
            assertNull(nowPlaying(ended));
            assertEquals(3, ended.getInt("plays"), "every acknowledged track was played");
        }
    }
}
