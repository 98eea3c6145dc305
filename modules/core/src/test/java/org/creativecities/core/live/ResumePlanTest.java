package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResumePlanTest {

    @Test
    void aFreshJoinOrAnUpToDateClientGetsNothingReplayed() {
        assertEquals(ResumePlan.Action.NONE, ResumePlan.decide(null, 40, 5).action());
        assertEquals(ResumePlan.Action.NONE, ResumePlan.decide(40L, 40, 5).action());
    }

    @Test
    void aClientWithinTheWindowGetsExactlyTheEventsAfterWhatItSaw() {
        ResumePlan plan = ResumePlan.decide(35L, 40, 5);
        assertEquals(ResumePlan.Action.REPLAY, plan.action());
        assertEquals(36, plan.from());
        assertEquals(40, plan.to());
        assertEquals(new ResumePlan(ResumePlan.Action.REPLAY, 1, 3), ResumePlan.decide(0L, 3, 5));
    }

    @Test
    void aClientTooFarBehindOrFromTheFutureIsReset() {
        assertEquals(ResumePlan.Action.RESET, ResumePlan.decide(34L, 40, 5).action());
        assertEquals(ResumePlan.Action.RESET, ResumePlan.decide(41L, 40, 5).action());
        assertEquals(ResumePlan.Action.RESET, ResumePlan.decide(-1L, 40, 5).action());
    }
}
