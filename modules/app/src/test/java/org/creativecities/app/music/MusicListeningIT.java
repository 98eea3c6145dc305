package org.creativecities.app.music;

import static org.creativecities.app.music.Music.action;
import static org.creativecities.app.music.Music.addLink;
import static org.creativecities.app.music.Music.isState;
import static org.creativecities.app.music.Music.isSystem;
import static org.creativecities.app.music.Music.nowPlaying;
import static org.creativecities.app.music.Music.playlist;
import static org.creativecities.app.music.Music.queue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The music plugin's {@code listening-room} kind end to end, with real WebSocket clients on the packaged server and
 * the plugin's real PF4J jar: a shared queue filled from links on the city's allowed hosts and from an uploaded WAV
 * file, votes, the host's skip, move and remove, the next track started by the plugin's timer, a late joiner in
 * step, specific error frames for bad actions and refusals for non-hosts and non-members; per-city enablement, for new
 * rooms and for a room opened before music was switched off in its city; and the {@code music:playlist} work kind
 * created, versioned and forked from one city to another.
 */
@ExtendWith(SharedServer.class)
class MusicListeningIT {

    /** The cities this class created, retired when it ends. */
    private static final TestCities TEST_CITIES = new TestCities();

    @org.junit.jupiter.api.AfterAll
    static void retireTheTestCities() {
        TEST_CITIES.retireAll();
    }

    /** The length of the track that ends while music is off in its city. */
    private static final long SHORT_MS = 10_000;

    /** How long after a track's end its timer has surely fired (and announced, if it could). */
    private static final long TIMER_GRACE_MS = 2_500;

    private static String city(TestUser admin, String name) {
        return TEST_CITIES.add(Music.city(admin, name), admin);
    }

    @Test
    void membersQueueAndVoteTheHostSkipsMovesAndRemovesAndTheTimerStartsTheNextTrack(PackagedServer server,
                                                                                        Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(api, "Music Host");
        TestUser guest = TestUser.register(api, "Music Guest");
        TestUser late = TestUser.register(api, "Music Late");
        TestUser stranger = TestUser.register(api, "Music Stranger");
        String city = city(admin, "Bristol Sound");
        Music.join(city, host, guest, late);
        Music.coordinator(admin, city, host);
        Music.allowHosts(host, city, "archive.org", "tunes.example.org");
        long room = Music.listeningRoom(host, city, "Friday listening");

        try (LiveClient h = LiveClient.open(host); LiveClient g = LiveClient.open(guest)) {
            JsonObject welcome = h.send(Rooms.join(room, null, "jh")).reply("jh");
            assertEquals("listening-room", welcome.getString("kind"));
            JsonObject initial = welcome.getJsonObject("roomState");
            assertTrue(initial.getBoolean("open"));
            assertNull(nowPlaying(initial));
            assertEquals(host.id(), initial.getJsonNumber("host").longValue());
            g.send(Rooms.join(room, null, "jg")).reply("jg");

            // The first track starts at once; the others wait.
            g.send(addLink(room, "Opening", "https://ia800.archive.org/opening.mp3", 600_000, "a1"));
            JsonObject first = h.await(f -> isState(f, room) && "Opening".equals(nowPlaying(f.getJsonObject("state"))))
                    .getJsonObject("state");
            assertEquals(guest.id(), first.getJsonObject("nowPlaying").getJsonNumber("addedBy").longValue());
            // Two connections: each add is awaited before the other person's, so the track ids are t2, t3, t4.
            g.send(addLink(room, "Bridge", "https://tunes.example.org/bridge.ogg", 2_000, "a2"));
            h.await(f -> isState(f, room) && queue(f.getJsonObject("state")).size() == 1);
            h.send(addLink(room, "Coda", "https://archive.org/coda.mp3", 2_000, "a3"));
            h.send(addLink(room, "Filler", "https://archive.org/filler.mp3", 2_000, "a4"));
            g.await(f -> isState(f, room) && queue(f.getJsonObject("state")).equals(List.of("Bridge", "Coda",
                    "Filler")));

            // Votes move a track up; the host moves and removes; bad actions get their own error frames.
            g.send(action(room, "vote", Api.json("trackId", "t3"), "v1"));
            g.await(f -> isState(f, room) && queue(f.getJsonObject("state")).equals(List.of("Coda", "Bridge",
                    "Filler")));
            g.send(action(room, "vote", Api.json("trackId", "t3"), "v2"));
            assertEquals("already-voted", g.reply("v2").getString("code"));
            g.send(action(room, "skip", null, "gs"));
            JsonObject notHost = g.reply("gs");
            assertEquals("error", notHost.getString("type"));
            assertEquals("not-host", notHost.getString("code"));
            g.send(action(room, "move", Api.json("trackId", "t2", "index", 0), "gm"));
            assertEquals("not-host", g.reply("gm").getString("code"));
            g.send(action(room, "remove", Api.json("trackId", "t4"), "gr"));
            assertEquals("not-host", g.reply("gr").getString("code"));
            g.send(addLink(room, "Elsewhere", "https://evil.example/x.mp3", 2_000, "bad1"));
            JsonObject refusedHost = g.reply("bad1");
            assertEquals("host-not-allowed", refusedHost.getString("code"));
            assertTrue(refusedHost.getString("reason").contains("evil.example"), refusedHost.toString());
            g.send(addLink(room, "Script", "javascript:alert(1)", 2_000, "bad2"));
            assertEquals("bad-url", g.reply("bad2").getString("code"));
            g.send(addLink(room, "Endless", "https://archive.org/endless.mp3", 99_000_000, "bad3"));
            assertEquals("bad-duration", g.reply("bad3").getString("code"));
            g.send(action(room, "vote", Api.json("trackId", "t99"), "bad4"));
            assertEquals("unknown-track", g.reply("bad4").getString("code"));
            g.send(action(room, "vote", null, "bad5"));
            assertEquals("bad-track", g.reply("bad5").getString("code"));
            g.send(action(room, "rewind", null, "bad6"));
            assertEquals("unknown-action", g.reply("bad6").getString("code"));
            h.send(action(room, "move", Api.json("trackId", "t2", "index", 7), "hm0"));
            assertEquals("bad-index", h.reply("hm0").getString("code"));

            h.send(action(room, "move", Api.json("trackId", "t2", "index", 0), "hm"));
            h.send(action(room, "remove", Api.json("trackId", "t4"), "hr"));
            g.await(f -> isState(f, room) && queue(f.getJsonObject("state")).equals(List.of("Bridge", "Coda")));

            // A non-member may read the public room but not act in it.
            try (LiveClient s = LiveClient.open(stranger)) {
                s.send(Rooms.join(room, null, "js")).reply("js");
                s.send(addLink(room, "Intruder", "https://archive.org/i.mp3", 2_000, "sa"));
                assertEquals("forbidden", s.reply("sa").getString("code"));
            }

            // A late joiner hears what the others hear, where they are.
            try (LiveClient l = LiveClient.open(late)) {
                JsonObject lateState = l.send(Rooms.join(room, null, "jl")).reply("jl").getJsonObject("roomState");
                JsonObject playing = lateState.getJsonObject("nowPlaying");
                assertEquals("Opening", playing.getString("title"));
                assertEquals(first.getJsonObject("nowPlaying").getString("startedAt"), playing.getString("startedAt"));
                long position = playing.getJsonNumber("positionMs").longValue();
                assertTrue(position > 0 && position < 600_000, lateState.toString());
                assertEquals(List.of("Bridge", "Coda"), queue(lateState));
            }

            // The host skips to "Bridge"; when it ends, the plugin's timer starts "Coda" by itself and announces it,
            // and when "Coda" ends, that the queue has ended.
            h.send(action(room, "skip", null, "hs"));
            g.await(f -> isState(f, room) && "Bridge".equals(nowPlaying(f.getJsonObject("state"))));
            JsonObject started = g.await(f -> isSystem(f, room, "track-started")).getJsonObject("payload");
            assertEquals("Coda", nowPlaying(started));
            assertEquals(3, started.getJsonObject("nowPlaying").getInt("number"));
            assertEquals(List.of(), started.getJsonArray("queue"));
            JsonObject ended = g.await(f -> isSystem(f, room, "queue-ended")).getJsonObject("payload");
            assertNull(nowPlaying(ended));
            assertEquals(3, ended.getInt("plays"));
            h.send(action(room, "skip", null, "hs2"));
            assertEquals("nothing-playing", h.reply("hs2").getString("code"));
        }
    }

    @Test
    void anUploadedWavIsQueuedByItsMediaIdWithTheLengthReadFromTheFile(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(api, "Upload Host");
        TestUser outsider = TestUser.register(api, "Upload Outsider");
        String city = city(admin, "Upload City");
        Music.join(city, host);
        Music.coordinator(admin, city, host);
        long room = Music.listeningRoom(host, city, "Uploads");

        Music.Upload refused = Music.upload(outsider, city, "tone.wav", Music.tone(440, 1_500));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        Music.Upload notAudio = Music.upload(host, city, "notes.wav", "just some text, not audio".getBytes());
        assertTrue(notAudio.status() == 415, notAudio.toString());

        Music.Upload uploaded = Music.upload(host, city, "tone.wav", Music.tone(440, 1_500));
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject file = uploaded.object();
        assertEquals(1_500, file.getInt("durationMs"));
        assertEquals("audio/wav", file.getString("contentType"));
        try (LiveClient h = LiveClient.open(host)) {
            h.send(Rooms.join(room, null, "j")).reply("j");
            h.send(action(room, "add", Api.json("title", "Tone", "mediaId", file.getString("mediaId")), "add"));
            JsonObject playing = h.await(f -> isState(f, room) && "Tone".equals(nowPlaying(f.getJsonObject("state"))))
                    .getJsonObject("state").getJsonObject("nowPlaying");
            assertEquals("file", playing.getString("source"));
            assertEquals(1_500, playing.getInt("durationMs"));
            assertEquals(file.getString("url"), playing.getString("url"));
            assertTrue(host.get(playing.getString("url")).expect(200).body().startsWith("RIFF"));
            h.send(action(room, "add", Api.json("title", "Ghost", "mediaId", "AAAAAAAAAAAAAAAAAAAAAA",
                    "durationMs", 2_000), "ghost"));
            assertEquals("unknown-file", h.reply("ghost").getString("code"));
        }
    }

    @Test
    void aCityWhereMusicIsSwitchedOffRefusesTheKind(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        String on = city(admin, "Music On");
        String off = city(admin, "Music Off");
        try {
            admin.put("/api/admin/plugins/music/cities", Api.json("networkWide", false, "cities", List.of(on)))
                    .expect(200);
            Api.Response refused = admin.post("/api/spaces/" + Music.citySpace(admin, off) + "/rooms",
                    Api.json("name", "Nope", "kind", "listening-room")).expect(422);
            assertTrue(refused.object().getString("detail").contains("not enabled"), refused.object().toString());
            Music.listeningRoom(admin, on, "Yes");
        } finally {
            admin.put("/api/admin/plugins/music/cities", Api.json("networkWide", true, "cities", List.of()))
                    .expect(200);
        }
    }

    /**
     * A room opened while music was on in its city, then music switched off there: the room stays a plain room (its
     * messages readable, new ones posted), but the queue takes no action ({@code kind-unavailable}), a joiner gets no
     * module state, and the track that ends meanwhile announces nothing into the room; once music is on again the
     * queue works, where the clock has taken it.
     */
    @Test
    void aRoomOpenedBeforeMusicIsSwitchedOffInItsCityKeepsItsChatButRefusesItsQueueUntilMusicIsOnAgain(
            PackagedServer server, Api api) throws InterruptedException {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(api, "Offcity Host");
        TestUser guest = TestUser.register(api, "Offcity Guest");
        String city = city(admin, "Offcity");
        String cityName = admin.get("/api/cities/" + city).expect(200).object().getString("name");
        Music.join(city, host, guest);
        Music.coordinator(admin, city, host);
        Music.allowHosts(host, city, "archive.org");
        long room = Music.listeningRoom(host, city, "Before the switch");

        try (LiveClient h = LiveClient.open(host)) {
            h.send(Rooms.join(room, null, "j1")).reply("j1");
            h.send(Rooms.post(room, "before", "Queue opens at nine")).reply("f-before");
            h.send(addLink(room, "Short", "https://archive.org/short.mp3", SHORT_MS, "a1"));
            JsonObject playing = h.await(f -> isState(f, room) && "Short".equals(nowPlaying(f.getJsonObject("state"))))
                    .getJsonObject("state").getJsonObject("nowPlaying");
            Instant shortEnds = Instant.parse(playing.getString("startedAt")).plusMillis(SHORT_MS);
            h.send(addLink(room, "Long", "https://archive.org/long.mp3", 600_000, "a2"));
            h.await(f -> isState(f, room) && queue(f.getJsonObject("state")).equals(List.of("Long")));

            admin.put("/api/admin/plugins/music/cities", Api.json("networkWide", false, "cities", List.of()))
                    .expect(200);
            try {
                assertTrue(Instant.now().isBefore(shortEnds), "music was switched off before the track ended");
                h.send(addLink(room, "Refused", "https://archive.org/refused.mp3", 2_000, "off1"));
                JsonObject refused = h.reply("off1");
                assertEquals("error", refused.getString("type"));
                assertEquals("kind-unavailable", refused.getString("code"), refused.toString());
                assertEquals(room, refused.getJsonNumber("room").longValue());
                String reason = refused.getString("reason");
                assertTrue(reason.contains("Music") && reason.contains(cityName), reason);
                h.send(action(room, "skip", null, "off2"));
                assertEquals("kind-unavailable", h.reply("off2").getString("code"));

                try (LiveClient g = LiveClient.open(guest)) {
                    JsonObject welcome = g.send(Rooms.join(room, null, "jg")).reply("jg");
                    assertEquals("welcome", welcome.getString("type"), welcome.toString());
                    assertTrue(!welcome.containsKey("roomState") || welcome.isNull("roomState"),
                            "no module state while music is off: " + welcome);
                    g.send(Rooms.post(room, "during", "Still talking")).reply("f-during");
                    h.await(f -> "message".equals(f.getString("type")) && "Still talking".equals(f.getString("text")));
                    assertTrue(guest.get("/api/rooms/" + room + "/history").expect(200).body()
                            .contains("Queue opens at nine"), "the room's history stays readable");
                    JsonObject view = guest.get("/api/rooms/" + room).expect(200).object();
                    assertTrue(!view.containsKey("ui") || view.isNull("ui"), "no module element: " + view);
                }

                // The track's timer comes due while music is off: nothing is announced into the room.
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), shortEnds).toMillis()) + TIMER_GRACE_MS);
                assertEquals(List.of(), h.frames("system"), "no system event while music is off");
            } finally {
                admin.put("/api/admin/plugins/music/cities", Api.json("networkWide", true, "cities", List.of()))
                        .expect(200);
            }

            h.send(addLink(room, "After", "https://archive.org/after.mp3", 2_000, "on1"));
            JsonObject state = h.await(f -> isState(f, room) && queue(f.getJsonObject("state")).contains("After"))
                    .getJsonObject("state");
            assertEquals("Long", nowPlaying(state), "the queue moved on by the clock while music was off");
            try (LiveClient g = LiveClient.open(guest)) {
                JsonObject roomState = g.send(Rooms.join(room, null, "jg2")).reply("jg2").getJsonObject("roomState");
                assertEquals("Long", nowPlaying(roomState));
                assertEquals(List.of("After"), queue(roomState));
            }
            assertFalse(host.get("/api/rooms/" + room + "/history").expect(200).body().contains("track-started"),
                    "the announcement skipped while music was off is not replayed");
        }
    }

    @Test
    void aPlaylistIsAWorkThatIsVersionedLicensedAndForkedFromOneCityToAnother(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String bristol = city(admin, "Playlist Bristol");
        String lyon = city(admin, "Playlist Lyon");
        TestUser ana = TestUser.register(api, "Ana Playlist");
        TestUser ben = TestUser.register(api, "Ben Playlist");
        Music.join(bristol, ana);
        Music.join(lyon, ben);

        JsonObject kind = api.get("/api/works/kinds").expect(200).object().getJsonArray("kinds")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("kind").equals("music:playlist"))
                .findFirst().orElseThrow(() -> new AssertionError("music:playlist is not listed"));
        assertEquals("ccc-music-playlist", kind.getString("element"));
        assertEquals("Playlist", kind.getString("name"));

        Api.Response bad = ana.post("/api/works", Api.json("kind", "music:playlist", "title", "Bad", "content",
                Api.json("tracks", Json.createArrayBuilder().add(Api.json("title", "", "durationMs", 5)).build())))
                .expect(400);
        assertTrue(bad.body().contains("content/tracks/0"), bad.body());

        JsonObject created = ana.post("/api/works", Api.json("kind", "music:playlist", "title", "Bristol nights",
                "licence", "CC-BY-SA-4.0", "content", playlist("Teardrop", "Glory Box"))).expect(201).object();
        long id = created.getJsonNumber("id").longValue();
        ana.patch("/api/works/" + id, Api.json("content", playlist("Teardrop", "Glory Box", "Unfinished Sympathy"),
                "message", "One more")).expect(200);
        assertEquals(2, ana.get("/api/works/" + id + "/versions").expect(200).array().size());

        ana.post("/api/works/" + id + "/publish", Api.json("audience", "everyone")).expect(200);
        Api.Response notShareAlike = ben.post("/api/works/" + id + "/fork", Api.json("licence", "CC-BY-4.0"))
                .expect(400);
        assertTrue(notShareAlike.body().contains("ShareAlike"), notShareAlike.body());
        JsonObject fork = ben.post("/api/works/" + id + "/fork", Api.json()).expect(201).object();
        assertEquals("music:playlist", fork.getString("kind"));
        assertEquals("CC-BY-SA-4.0", fork.getJsonObject("licence").getString("spdx"),
                "a fork of a ShareAlike playlist keeps its licence");
        JsonObject derivedFrom = fork.getJsonObject("derivedFrom");
        assertEquals(id, derivedFrom.getJsonNumber("workId").longValue());
        assertEquals(2, derivedFrom.getInt("version"), "forked from the latest version");
        assertEquals("Bristol nights", derivedFrom.getString("title"));
        assertEquals(playlist("Teardrop", "Glory Box", "Unfinished Sympathy"), fork.getJsonObject("content"));
        long remix = fork.getJsonNumber("id").longValue();
        ben.patch("/api/works/" + remix, Api.json("content", playlist("Teardrop", "Les Nuits"), "message",
                "Lyon's remix")).expect(200);
        assertEquals(3, ana.get("/api/works/" + id).expect(200).object().getJsonObject("content")
                .getJsonArray("tracks").size(), "the remix leaves Bristol's playlist as it was");
        assertFalse(ben.get("/api/works/" + remix).expect(200).object().toString().contains("Glory Box"));
    }
}
