package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaybackTest {

    private static final long HOST = 1;
    private static final long GUEST = 2;
    private static final Instant T0 = Instant.parse("2026-11-23T20:00:00Z");
    private static final long FILM = 90 * 60_000L;

    private static Instant at(long ms) {
        return T0.plusMillis(ms);
    }

    @Test
    void aNewPartyIsPausedAtTheStartAndStaysThere() {
        Playback p = Playback.start(HOST, FILM, T0);
        assertFalse(p.playing());
        assertEquals(0, p.positionAt(at(60_000)));
        assertTrue(p.isHost(HOST));
    }

    @Test
    void playingAdvancesThePositionWithTheServerClock() {
        Playback p = Playback.start(HOST, FILM, T0).play(HOST, at(1_000));
        assertEquals(0, p.positionAt(at(1_000)));
        assertEquals(4_000, p.positionAt(at(5_000)));
        assertEquals(0, p.positionAt(at(500)), "an instant before 'since' counts as 'since'");
    }

    @Test
    void pauseFreezesThePositionWhereItWas() {
        Playback p = Playback.start(HOST, FILM, T0).play(HOST, T0).pause(HOST, at(7_500));
        assertFalse(p.playing());
        assertEquals(7_500, p.positionAt(at(60_000)));
        assertEquals(at(7_500), p.since());
    }

    @Test
    void resumingContinuesFromThePausedPosition() {
        Playback p = Playback.start(HOST, FILM, T0).play(HOST, T0).pause(HOST, at(10_000)).play(HOST, at(50_000));
        assertEquals(12_000, p.positionAt(at(52_000)));
    }

    @Test
    void playingTwiceOrPausingTwiceChangesNothing() {
        Playback playing = Playback.start(HOST, FILM, T0).play(HOST, T0);
        assertSame(playing, playing.play(HOST, at(3_000)));
        Playback paused = playing.pause(HOST, at(3_000));
        assertSame(paused, paused.pause(HOST, at(9_000)));
    }

    @Test
    void seekMovesThePositionAndKeepsPlaying() {
        Playback p = Playback.start(HOST, FILM, T0).play(HOST, T0).seek(HOST, 600_000, at(2_000));
        assertTrue(p.playing());
        assertEquals(601_000, p.positionAt(at(3_000)));
    }

    @Test
    void negativeAndBeyondTheEndSeeksAreRefused() {
        Playback p = Playback.start(HOST, FILM, T0);
        assertEquals("bad-position", assertThrows(PlaybackRefused.class, () -> p.seek(HOST, -1, T0)).code());
        assertEquals("bad-position", assertThrows(PlaybackRefused.class, () -> p.seek(HOST, FILM + 1, T0)).code());
        assertEquals(FILM, p.seek(HOST, FILM, T0).positionAt(T0));
    }

    @Test
    void withoutAKnownDurationOnlyNegativeSeeksAreRefused() {
        Playback p = Playback.start(HOST, 0, T0);
        assertEquals(10_000_000, p.seek(HOST, 10_000_000, T0).positionAt(T0));
        assertThrows(PlaybackRefused.class, () -> p.seek(HOST, -5, T0));
    }

    @Test
    void onlyTheHostControlsPlayback() {
        Playback p = Playback.start(HOST, FILM, T0);
        for (Runnable command : new Runnable[] {() -> p.play(GUEST, T0), () -> p.pause(GUEST, T0),
                () -> p.seek(GUEST, 5, T0), () -> p.handOver(GUEST, GUEST, T0)}) {
            PlaybackRefused refused = assertThrows(PlaybackRefused.class, command::run);
            assertEquals("not-host", refused.code());
            assertEquals("Only the host controls playback.", refused.getMessage());
        }
    }

    @Test
    void handingOverMovesControlAndKeepsThePosition() {
        Playback p = Playback.start(HOST, FILM, T0).play(HOST, T0).handOver(HOST, GUEST, at(4_000));
        assertEquals(GUEST, p.hostId());
        assertEquals(6_000, p.positionAt(at(6_000)));
        assertEquals("not-host", assertThrows(PlaybackRefused.class, () -> p.pause(HOST, at(7_000))).code());
        assertEquals(7_000, p.pause(GUEST, at(7_000)).positionAt(at(9_000)));
        assertEquals("bad-host", assertThrows(PlaybackRefused.class, () -> p.handOver(GUEST, 0, T0)).code());
    }

    @Test
    void aLateJoinerGetsThePositionComputedForTheirInstant() {
        Playback p = Playback.start(HOST, FILM, T0).seek(HOST, 60_000, T0).play(HOST, at(1_000));
        assertEquals(60_000 + 29_000, p.positionAt(at(30_000)));
    }

    @Test
    void thePositionStopsAtTheEndAndPlayingAnEndedFilmIsRefused() {
        Playback p = Playback.start(HOST, 10_000, T0).play(HOST, T0);
        assertEquals(10_000, p.positionAt(at(25_000)));
        assertTrue(p.endedAt(at(10_000)));
        Playback paused = p.pause(HOST, at(25_000));
        assertEquals("ended", assertThrows(PlaybackRefused.class, () -> paused.play(HOST, at(26_000))).code());
        assertTrue(paused.seek(HOST, 0, at(26_000)).play(HOST, at(26_000)).playing());
    }

    @Test
    void driftBeyondTheToleranceNeedsAResync() {
        Playback p = Playback.start(HOST, FILM, T0).play(HOST, T0);
        assertEquals(-1_500, p.driftMs(8_500, at(10_000)));
        assertFalse(p.needsResync(8_500, at(10_000), 2_000));
        assertFalse(p.needsResync(12_000, at(10_000), 2_000), "exactly the tolerance is still in sync");
        assertTrue(p.needsResync(12_001, at(10_000), 2_000));
        assertTrue(p.needsResync(7_000, at(10_000), 2_000));
    }

    @Test
    void aPositionOutsideTheFilmIsNotAState() {
        assertThrows(IllegalArgumentException.class, () -> new Playback(HOST, false, -1, T0, FILM));
        assertThrows(IllegalArgumentException.class, () -> new Playback(HOST, false, FILM + 1, T0, FILM));
    }
}
