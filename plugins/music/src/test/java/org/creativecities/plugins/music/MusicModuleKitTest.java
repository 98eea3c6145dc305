package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestModuleContext;
import org.creativecities.plugin.testkit.TestRequest;
import org.creativecities.plugin.testkit.TestResponse;
import org.creativecities.plugin.testkit.TestRoom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole music module in the plugin test kit's in-memory host, started as the core starts it (room kind, work
 * kind, settings schema and UI modules checked): tracks from links and uploads, the durable timer that starts the
 * next track, the city's allowed hosts, and a restart of the plugin in the middle of a track.
 */
class MusicModuleKitTest {

    private static final Actor HOST = new Actor(10, "Coco", true, false, false);
    private static final Actor MO = new Actor(11, "Mo", false, false, false);

    private TestHost host;

    @BeforeEach
    void start() {
        TestModuleContext context = new TestModuleContext("music", "1.0.0", new MusicModule().info(),
                Instant.parse("2026-12-05T20:00:00Z"));
        context.testMembers().coordinator(10, "bristol").member(11, "bristol");
        host = TestHost.start(new MusicModule(), context);
    }

    private static RoomAction add(String title, String url, long durationMs) {
        return new RoomAction("add", Json.createObjectBuilder().add("title", title).add("url", url)
                .add("durationMs", durationMs).build());
    }

    private Listening stored(TestRoom room) {
        return ListeningJson.parse(host.context().storage().get(StorageScope.room(room.context().roomId()),
                ListeningRoom.KEY).orElseThrow().value());
    }

    @Test
    void anUploadedWavTakesItsLengthFromTheFileAndTheTimerStartsItWhenTheLinkEnds() {
        TestRoom room = host.openRoom(ListeningRoom.ID, "bristol", HOST, JsonObject.EMPTY_JSON_OBJECT);
        room.accept(MO, add("Gymnopédie", "https://archive.org/details/satie.mp3", 2_000));

        TestResponse uploaded = host.http(TestRequest.post("/uploads").city("bristol").as(11, "Mo")
                .query("name", "tone.wav").header("Content-Type", "audio/wav").body(WavDurationTest.wav(8000, 24_000)));
        assertEquals(201, uploaded.status(), uploaded.text());
        assertEquals(3_000, uploaded.object().getInt("durationMs"));
        String mediaId = uploaded.object().getString("mediaId");
        room.accept(MO, new RoomAction("add", Json.createObjectBuilder().add("title", "Tone")
                .add("mediaId", mediaId).add("durationMs", 999_000).build()));
        JsonObject queued = room.join().getJsonArray("queue").getJsonObject(0);
        assertEquals(3_000, queued.getInt("durationMs"), "the file's length, not the adder's");
        assertEquals("/api/media/" + mediaId, queued.getString("url"));

        assertEquals(1, stored(room).plays());
        host.advance(Duration.ofSeconds(2));
        Listening afterTimer = stored(room);
        assertEquals(2, afterTimer.plays(), "the durable timer stored the next track");
        assertEquals("Tone", afterTimer.playing().track().title());
        host.advance(Duration.ofSeconds(3));
        assertNull(stored(room).playing(), "the queue ran out");
        assertEquals(0, host.context().virtualTimers().pending(), "an idle room keeps no timer");
    }

    @Test
    void theCitysAllowedHostsDecideWhichLinksMayBeQueued() {
        TestRoom room = host.openRoom(ListeningRoom.ID, "bristol", HOST, JsonObject.EMPTY_JSON_OBJECT);
        assertEquals("host-not-allowed", room.refuse(MO, add("x", "https://tunes.example.org/x.mp3", 2_000)).code());
        host.context().testSettings().setForCity("bristol", MusicModule.ALLOWED_HOSTS, List.of("example.org"));
        room.accept(MO, add("x", "https://tunes.example.org/x.mp3", 2_000));
        assertEquals("host-not-allowed", room.refuse(MO, add("y", "https://archive.org/y.mp3", 2_000)).code());
        assertEquals("bad-duration", room.refuse(MO, add("z", "https://example.org/z.mp3", 1_200_001)).code());
        assertEquals(List.of("example.org"), host.http(TestRequest.get("/rules").city("bristol")).object()
                .getJsonArray("allowedHosts").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(403, host.http(TestRequest.post("/uploads").city("bristol").as(99, "Stranger")
                .body(WavDurationTest.wav(8000, 8000))).status());
        assertEquals("unknown-file", room.refuse(MO, new RoomAction("add", Json.createObjectBuilder()
                .add("title", "ghost").add("mediaId", "nope").add("durationMs", 2_000).build())).code());
        String image = host.context().memoryFiles().memberUpload("cat.png", "image/png", new byte[] {1, 2}).id();
        assertEquals("not-audio", room.refuse(MO, new RoomAction("add", Json.createObjectBuilder()
                .add("title", "cat").add("mediaId", image).add("durationMs", 2_000).build())).code());
    }

    @Test
    void aRestartOfThePluginMidTrackLosesNothingAndTheStoredTimerStillStartsTheNextTrack() {
        TestRoom room = host.openRoom(ListeningRoom.ID, "bristol", HOST, JsonObject.EMPTY_JSON_OBJECT);
        room.accept(MO, add("one", "https://archive.org/1.mp3", 5_000));
        room.accept(MO, add("two", "https://archive.org/2.mp3", 5_000));
        room.accept(HOST, add("three", "https://archive.org/3.mp3", 5_000));
        room.accept(MO, new RoomAction("vote", Json.createObjectBuilder().add("trackId", "t3").build()));
        host.advance(Duration.ofSeconds(2));

        host = host.restart(new MusicModule());
        TestRoom resumed = host.resume(room);
        JsonObject state = resumed.join();
        assertEquals(2_000, state.getJsonObject("nowPlaying").getInt("positionMs"));
        assertEquals("three", state.getJsonArray("queue").getJsonObject(0).getString("title"));
        assertEquals(1, state.getJsonArray("queue").getJsonObject(0).getInt("votes"));
        host.advance(Duration.ofSeconds(3));
        assertEquals("three", stored(resumed).playing().track().title(), "the timer stored before the restart fired");
        assertTrue(host.context().virtualTimers().failures().isEmpty(), host.context().virtualTimers().failures()
                .toString());
    }
}
