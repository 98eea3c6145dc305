package org.creativecities.plugins.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The round-robin story's state machine on its own. */
class StoryTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration TURN = Duration.ofSeconds(60);
    private static final Person HOST = new Person(1, "Ana", true);
    private static final Person BEA = new Person(2, "Bea", false);
    private static final Person CAL = new Person(3, "Cal", false);

    private static Story writing() {
        return Story.gather("Tides").join(HOST).join(BEA).join(CAL).start(HOST, 9, T0, TURN);
    }

    private static String refusal(Runnable r) {
        return assertThrows(LiteratureRefused.class, r::run).code();
    }

    @Test
    void theTurnPassesInTheRotasOrderAndComesBackToTheFirst() {
        Story s = writing();
        assertEquals(1, s.current().orElseThrow().accountId());
        s = s.written(1, T0.plusSeconds(5), TURN);
        assertEquals(2, s.current().orElseThrow().accountId());
        assertEquals(T0.plusSeconds(65), s.deadline());
        s = s.pass(2, T0.plusSeconds(6), TURN).written(3, T0.plusSeconds(7), TURN);
        assertEquals(1, s.current().orElseThrow().accountId());
        assertEquals(4, s.turn());
        assertEquals(2, s.contributions());
    }

    @Test
    void onlyTheOneWhoseTurnItIsWritesAndOnlyWithinTheTime() {
        Story s = writing();
        assertEquals("not-your-turn", refusal(() -> s.written(2, T0, TURN)));
        assertEquals("turn-over", refusal(() -> s.written(1, T0.plus(TURN), TURN)));
        assertEquals("not-started", refusal(() -> Story.gather("x").join(BEA).written(2, T0, TURN)));
        assertEquals("story-ended", refusal(() -> s.end(HOST).written(1, T0, TURN)));
    }

    @Test
    void aTimeOutPassesItsOwnTurnOnceAndIgnoresAnOldOne() {
        Story s = writing();
        Story timedOut = s.timedOut(1, T0.plus(TURN), TURN).orElseThrow();
        assertEquals(2, timedOut.current().orElseThrow().accountId());
        assertTrue(timedOut.timedOut(1, T0.plus(TURN), TURN).isEmpty(), "a second delivery changes nothing");
        assertTrue(s.written(1, T0, TURN).timedOut(1, T0.plus(TURN), TURN).isEmpty(), "the turn was written");
    }

    @Test
    void onlyTheHostStartsAStoryWithSomeoneInTheRota() {
        assertEquals("not-host", refusal(() -> Story.gather("x").join(BEA).start(BEA, 1, T0, TURN)));
        assertEquals("no-participants", refusal(() -> Story.gather("x").start(HOST, 1, T0, TURN)));
        assertEquals("already-started", refusal(() -> writing().start(HOST, 1, T0, TURN)));
        assertEquals("already-in-rota", refusal(() -> writing().join(BEA)));
    }

    @Test
    void leavingOnOnesTurnGivesTheTurnToTheNextAndKeepsTheOthersTurnsInOrder() {
        Story s = writing().written(1, T0, TURN);
        Story left = s.leave(2, T0.plusSeconds(1), TURN);
        assertEquals(3, left.current().orElseThrow().accountId());
        assertEquals(s.turn() + 1, left.turn());
        Story otherLeft = s.leave(1, T0.plusSeconds(1), TURN);
        assertEquals(2, otherLeft.current().orElseThrow().accountId());
        assertEquals(s.turn(), otherLeft.turn());
        assertEquals(Story.ENDED, Story.gather("x").join(BEA).start(HOST, 1, T0, TURN).leave(2, T0, TURN).status());
    }

    @Test
    void turnsWhoseTimeIsOverPassOnEvenWithoutATimer() {
        Story s = writing();
        assertEquals(s, s.catchUp(T0.plusSeconds(59), TURN));
        Story later = s.catchUp(T0.plusSeconds(150), TURN);
        assertEquals(3, later.current().orElseThrow().accountId(), "two turns over: Cal's");
        assertEquals(3, later.turn());
        assertEquals(T0.plusSeconds(180), later.deadline());
    }
}
