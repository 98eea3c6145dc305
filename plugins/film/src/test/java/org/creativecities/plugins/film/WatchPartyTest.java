package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchPartyTest {

    private static final Actor HOST = new Actor(1, "Agnès", true, false, false);
    private static final Actor GUEST = new Actor(2, "Chris", false, false, false);

    private TestClock clock;
    private InMemoryStorage storage;
    private Screenings screenings;
    private Map<String, String> settings;

    @BeforeEach
    void setUp() {
        clock = new TestClock(Instant.parse("2026-11-23T20:00:00Z"));
        storage = new InMemoryStorage(clock);
        screenings = new Screenings(storage);
        settings = new java.util.HashMap<>();
    }

    private WatchParty kind() {
        return new WatchParty(storage, screenings, city -> new MapSettings(settings));
    }

    private RoomContext room(JsonObject attributes) {
        return new RoomContext("room-7", Optional.of("bristol"), WatchParty.ID, HOST.accountId(), attributes, clock);
    }

    private static RoomAction action(String type, String key, long value) {
        return new RoomAction(type, Json.createObjectBuilder().add(key, value).build());
    }

    private static ActionResult.Applied applied(ActionResult result) {
        return assertInstanceOf(ActionResult.Applied.class, result, () -> "refused: " + result);
    }

    private static JsonObject state(ActionResult result) {
        return applied(result).state().orElseThrow().value();
    }

    private Screening screening(int runtimeMinutes) {
        return screenings.create(new Screening(Screenings.newId(), "bristol", "Cléo from 5 to 7", 1962, "",
                "2026-12-01T19:30:00Z", "", runtimeMinutes, false, 1, Optional.empty()));
    }

    @Test
    void itsKindMatchesTheDeclarationInInfo() {
        assertEquals(List.of(), RoomKinds.check(new FilmModule().info(), List.of(kind())));
        assertEquals(java.util.Set.of("play", "pause", "seek", "hand-over", "sync"), kind().actionTypes());
    }

    @Test
    void theHostPlaysAndEveryoneSeesThePositionMoveWithTheServerClock() {
        RoomContext room = room(JsonObject.EMPTY_JSON_OBJECT);
        JsonObject opened = state(kind().open(room, HOST));
        assertEquals(1, opened.getInt("host"));
        assertFalse(opened.getBoolean("playing"));

        JsonObject playing = state(kind().handle(room, HOST, RoomAction.of("play")));
        assertTrue(playing.getBoolean("playing"));
        assertEquals(0, playing.getInt("positionMs"));

        clock.advanceMs(42_000);
        JsonObject late = kind().snapshot(room, clock.instant()).value();
        assertEquals(42_000, late.getInt("positionMs"));
        assertEquals(clock.instant().toString(), late.getString("at"));
    }

    @Test
    void othersGetNotHostAndChangeNothing() {
        RoomContext room = room(JsonObject.EMPTY_JSON_OBJECT);
        kind().open(room, HOST);
        for (RoomAction a : List.of(RoomAction.of("play"), RoomAction.of("pause"), action("seek", "positionMs", 5),
                action("hand-over", "accountId", 2))) {
            ActionResult.Rejected refused = assertInstanceOf(ActionResult.Rejected.class,
                    kind().handle(room, GUEST, a));
            assertEquals("not-host", refused.code());
        }
        assertFalse(kind().snapshot(room, clock.instant()).value().getBoolean("playing"));
    }

    @Test
    void aRestartResumesThePartyFromStorage() {
        RoomContext room = room(JsonObject.EMPTY_JSON_OBJECT);
        kind().open(room, HOST);
        kind().handle(room, HOST, action("seek", "positionMs", 600_000));
        kind().handle(room, HOST, RoomAction.of("play"));
        clock.advanceMs(90_000);
        WatchParty afterRestart = new WatchParty(storage, new Screenings(storage), city -> new MapSettings(settings));
        JsonObject resumed = afterRestart.snapshot(room, clock.instant()).value();
        assertTrue(resumed.getBoolean("playing"));
        assertEquals(690_000, resumed.getInt("positionMs"));
        assertEquals(690_000, state(afterRestart.handle(room, HOST, RoomAction.of("pause"))).getInt("positionMs"));
    }

    @Test
    void handingOverIsBroadcastAndMovesControl() {
        RoomContext room = room(JsonObject.EMPTY_JSON_OBJECT);
        kind().open(room, HOST);
        ActionResult.Applied handed = applied(kind().handle(room, HOST, action("hand-over", "accountId", 2)));
        assertEquals(2, handed.state().orElseThrow().value().getInt("host"));
        RoomEvent event = handed.broadcast().get(0);
        assertEquals("host-changed", event.type());
        assertEquals(2, event.payload().getInt("to"));
        assertInstanceOf(ActionResult.Applied.class, kind().handle(room, GUEST, RoomAction.of("play")));
        assertInstanceOf(ActionResult.Rejected.class, kind().handle(room, HOST, RoomAction.of("pause")));
    }

    @Test
    void aClientThatDriftedTooFarIsToldToResyncOnlyItself() {
        RoomContext room = room(JsonObject.EMPTY_JSON_OBJECT);
        kind().open(room, HOST);
        kind().handle(room, HOST, RoomAction.of("play"));
        clock.advanceMs(10_000);

        ActionResult.Applied inSync = applied(kind().handle(room, GUEST, action("sync", "positionMs", 9_000)));
        assertTrue(inSync.state().isEmpty());
        assertEquals(List.of(), inSync.replies());

        ActionResult.Applied drifted = applied(kind().handle(room, GUEST, action("sync", "positionMs", 4_000)));
        assertTrue(drifted.state().isEmpty());
        assertEquals(List.of(), drifted.broadcast());
        RoomEvent resync = drifted.replies().get(0);
        assertEquals("resync", resync.type());
        assertEquals(10_000, resync.payload().getInt("positionMs"));
        assertEquals(-6_000, resync.payload().getInt("driftMs"));

        settings.put(FilmModule.MAX_DRIFT_MS, "10000");
        assertEquals(List.of(), applied(kind().handle(room, GUEST, action("sync", "positionMs", 4_000))).replies());
    }

    @Test
    void badArgumentsAreRefusedWithACode() {
        RoomContext room = room(JsonObject.EMPTY_JSON_OBJECT);
        kind().open(room, HOST);
        assertEquals("bad-position", ((ActionResult.Rejected) kind().handle(room, HOST, RoomAction.of("seek"))).code());
        assertEquals("bad-position", ((ActionResult.Rejected) kind().handle(room, HOST,
                action("seek", "positionMs", -1))).code());
        assertEquals("bad-host", ((ActionResult.Rejected) kind().handle(room, HOST, RoomAction.of("hand-over")))
                .code());
        assertEquals("unknown-action", ((ActionResult.Rejected) kind().handle(room, HOST, RoomAction.of("rewind")))
                .code());
    }

    @Test
    void aRoomThatWasNeverOpenedHasNoPlayback() {
        RoomContext room = room(JsonObject.EMPTY_JSON_OBJECT);
        assertEquals("not-open", ((ActionResult.Rejected) kind().handle(room, HOST, RoomAction.of("play"))).code());
        assertFalse(kind().snapshot(room, clock.instant()).value().getBoolean("open"));
    }

    @Test
    void openedFromAScreeningTheStateShowsTheFilmEvenAfterActions() {
        Screening s = screenings.create(new Screening(Screenings.newId(), "bristol", "Playtime", 1967, "",
                "2026-12-01T19:30:00Z", "https://films.example.org/playtime.webm", 2, false, 1, Optional.empty()));
        RoomContext room = room(Json.createObjectBuilder().add("screening", s.id()).build());
        JsonObject opened = state(kind().open(room, HOST));
        assertEquals("https://films.example.org/playtime.webm", opened.getString("videoUrl"));
        assertEquals("Playtime", opened.getString("title"));
        assertEquals(s.id(), opened.getString("screening"));
        JsonObject seeked = state(kind().handle(room, HOST, action("seek", "positionMs", 60_000)));
        assertEquals("https://films.example.org/playtime.webm", seeked.getString("videoUrl"));
        assertEquals(60_000, seeked.getInt("positionMs"));
        assertEquals("Playtime", kind().snapshot(room, clock.instant()).value().getString("title"));
        JsonObject plain = state(kind().open(new RoomContext("room-9", Optional.of("bristol"), WatchParty.ID,
                HOST.accountId(), JsonObject.EMPTY_JSON_OBJECT, clock), HOST));
        assertFalse(plain.containsKey("videoUrl"), "a party not opened from a screening has no film");
    }

    @Test
    void openedFromAScreeningItRecordsTheRoomAndBoundsSeeksByTheRuntime() {
        Screening s = screening(90);
        RoomContext room = room(Json.createObjectBuilder().add("screening", s.id()).build());
        assertEquals(5_400_000, state(kind().open(room, HOST)).getInt("durationMs"));
        Screening.WatchPartyLink link = screenings.find("bristol", s.id()).orElseThrow().watchParty().orElseThrow();
        assertEquals("open", link.status());
        assertEquals("room-7", link.roomId());
        assertEquals("bad-position", ((ActionResult.Rejected) kind().handle(room, HOST,
                action("seek", "positionMs", 5_400_001))).code());

        RoomContext second = new RoomContext("room-8", Optional.of("bristol"), WatchParty.ID, 1,
                Json.createObjectBuilder().add("screening", s.id()).build(), clock);
        assertEquals("already-open", ((ActionResult.Rejected) kind().open(second, HOST)).code());

        kind().close(room);
        assertEquals("closed", screenings.find("bristol", s.id()).orElseThrow().watchParty().orElseThrow().status());
        assertFalse(kind().snapshot(room, clock.instant()).value().getBoolean("open"));
        assertInstanceOf(ActionResult.Applied.class, kind().open(second, HOST));
    }

    @Test
    void anUnknownScreeningRefusesTheRoom() {
        RoomContext room = room(Json.createObjectBuilder().add("screening", "s-0000000000000000").build());
        assertEquals("unknown-screening", ((ActionResult.Rejected) kind().open(room, HOST)).code());
        assertTrue(storage.get(room.storageScope(), "playback").isEmpty());
    }
}
