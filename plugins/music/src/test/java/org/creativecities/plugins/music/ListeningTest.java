package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listening room's state machine: the queue, votes, the host's commands and time. */
class ListeningTest {

    private static final Instant T0 = Instant.parse("2026-12-05T20:00:00Z");
    private static final long HOST = 1;
    private static final long ANA = 2;
    private static final long BEN = 3;

    private static Listening add(Listening s, long who, String title, long durationMs, Instant at) {
        return s.add(who, title, "https://archive.org/" + title + ".mp3", null, durationMs, 10, at);
    }

    private static List<String> titles(Listening s) {
        return s.queue().stream().map(Track::title).toList();
    }

    /** Three tracks of 60 s, 30 s and 45 s added at T0: the first plays at once. */
    private static Listening three() {
        Listening s = add(Listening.start(HOST), ANA, "a", 60_000, T0);
        s = add(s, BEN, "b", 30_000, T0);
        return add(s, ANA, "c", 45_000, T0);
    }

    @Test
    void theFirstTrackAddedToAnIdleRoomStartsAtOnceAndTheOthersWait() {
        Listening s = three();
        assertEquals("a", s.playing().track().title());
        assertEquals(T0, s.playing().startedAt());
        assertEquals(1, s.playing().number());
        assertEquals(List.of("b", "c"), titles(s));
        assertEquals(List.of("t1", "t2", "t3"), List.of(s.playing().track().id(), s.queue().get(0).id(),
                s.queue().get(1).id()));
    }

    @Test
    void theClockAdvancesTheQueueEachTrackStartingTheInstantThePreviousEnded() {
        Listening s = three();
        assertSame(s, s.at(T0.plusMillis(59_999)), "nothing changes before the end");
        assertEquals(59_999, s.playing().positionAt(T0.plusMillis(59_999)));
        Listening later = s.at(T0.plusSeconds(75));
        assertEquals("b", later.playing().track().title());
        assertEquals(T0.plusSeconds(60), later.playing().startedAt());
        assertEquals(15_000, later.playing().positionAt(T0.plusSeconds(75)), "a late joiner is 15 s into b");
        assertEquals(2, later.plays());
        Listening third = s.at(T0.plusSeconds(100));
        assertEquals("c", third.playing().track().title());
        assertEquals(T0.plusSeconds(90), third.playing().startedAt());
        Listening idle = s.at(T0.plusSeconds(135));
        assertNull(idle.playing(), "the queue ran out exactly when c ended");
        assertEquals(3, idle.plays());
        assertEquals(idle, idle.at(T0.plusSeconds(500)));
    }

    @Test
    void aVoteMovesItsTrackPastTracksWithFewerVotesAndEachPersonVotesOnce() {
        Listening s = add(three(), BEN, "d", 10_000, T0);
        s = s.vote(BEN, "t4", T0);
        assertEquals(List.of("d", "b", "c"), titles(s), "one vote beats none");
        s = s.vote(ANA, "t3", T0);
        assertEquals(List.of("d", "c", "b"), titles(s), "a tie does not pass the earlier vote");
        s = s.vote(HOST, "t3", T0);
        assertEquals(List.of("c", "d", "b"), titles(s));
        assertEquals(List.of(ANA, HOST), s.queue().get(0).voters());
        Listening voted = s;
        assertEquals("already-voted", assertThrows(QueueRefused.class, () -> voted.vote(ANA, "t3", T0)).code());
        assertEquals("unknown-track", assertThrows(QueueRefused.class, () -> voted.vote(ANA, "t1", T0)).code(),
                "the playing track is no longer votable");
    }

    @Test
    void onlyTheHostSkipsMovesAndRemoves() {
        Listening s = three();
        assertEquals("not-host", assertThrows(QueueRefused.class, () -> s.skip(false, T0)).code());
        assertEquals("not-host", assertThrows(QueueRefused.class, () -> s.move(false, "t3", 0, T0)).code());
        assertEquals("not-host", assertThrows(QueueRefused.class, () -> s.remove(false, "t3", T0)).code());

        Listening moved = s.move(true, "t3", 0, T0);
        assertEquals(List.of("c", "b"), titles(moved));
        assertEquals("bad-index", assertThrows(QueueRefused.class, () -> s.move(true, "t3", 2, T0)).code());
        assertEquals("bad-index", assertThrows(QueueRefused.class, () -> s.move(true, "t3", -1, T0)).code());
        assertEquals(List.of("b"), titles(s.remove(true, "t3", T0)));
        assertEquals("unknown-track", assertThrows(QueueRefused.class, () -> s.remove(true, "t9", T0)).code());

        Listening skipped = s.skip(true, T0.plusSeconds(10));
        assertEquals("b", skipped.playing().track().title());
        assertEquals(T0.plusSeconds(10), skipped.playing().startedAt(), "the next track starts when skipped");
        Listening idle = skipped.skip(true, T0.plusSeconds(11)).skip(true, T0.plusSeconds(12));
        assertNull(idle.playing());
        assertEquals("nothing-playing", assertThrows(QueueRefused.class, () -> idle.skip(true, T0.plusSeconds(13)))
                .code());
    }

    @Test
    void aFullQueueRefusesMoreAndAnIdleRoomStartsTheNextTrackAdded() {
        Listening s = Listening.start(HOST).add(ANA, "a", "u", null, 1_000, 1, T0);
        Listening one = s.add(ANA, "b", "u", null, 1_000, 1, T0);
        assertEquals("queue-full", assertThrows(QueueRefused.class,
                () -> one.add(ANA, "c", "u", null, 1_000, 1, T0)).code());
        Listening idle = one.at(T0.plusSeconds(5));
        assertNull(idle.playing());
        Listening again = idle.add(BEN, "d", "u", null, 2_000, 1, T0.plusSeconds(5));
        assertEquals("d", again.playing().track().title());
        assertEquals(T0.plusSeconds(5), again.playing().startedAt());
        assertEquals(3, again.plays());
    }

    @Test
    void theStoredFormReadsBackToTheSameState() {
        Listening s = three().vote(BEN, "t3", T0);
        Listening withFile = s.add(BEN, "upload", "/api/media/abc", "abc", 3_000, 10, T0);
        assertEquals(withFile, ListeningJson.parse(ListeningJson.store(withFile)));
        Listening idle = Listening.start(HOST);
        assertEquals(idle, ListeningJson.parse(ListeningJson.store(idle)));
        var view = ListeningJson.view(withFile.at(T0.plusSeconds(5)), T0.plusSeconds(5));
        assertEquals(5_000, view.getJsonObject("nowPlaying").getInt("positionMs"));
        assertEquals("file", view.getJsonArray("queue").getJsonObject(2).getString("source"));
        assertEquals("[\"t3\",\"t2\",\"t4\"]", ListeningJson.advanced(withFile, T0).getJsonArray("queue").toString());
    }
}
