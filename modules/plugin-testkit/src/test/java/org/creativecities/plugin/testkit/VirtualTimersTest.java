package org.creativecities.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creativecities.plugin.api.timer.TimerHandle;
import org.creativecities.plugin.api.timer.TimerLimitException;
import org.junit.jupiter.api.Test;

class VirtualTimersTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-05-01T00:00:00Z"));
    private final VirtualTimers timers = new VirtualTimers("p", clock);
    private final List<String> fired = new ArrayList<>();

    private Runnable log(String name) {
        return () -> fired.add(name + "@" + clock.instant().getEpochSecond() % 3600);
    }

    @Test
    void tasksFireInDueOrderWithTheClockAtTheirDueTime() {
        timers.schedule(Duration.ofSeconds(5), log("b"));
        timers.schedule(Duration.ofSeconds(2), log("a"));
        timers.scheduleAtFixedRate(Duration.ofSeconds(3), Duration.ofSeconds(3), log("r"));
        assertEquals(5, timers.advance(Duration.ofSeconds(9)));
        assertEquals(List.of("a@2", "r@3", "b@5", "r@6", "r@9"), fired);
        assertEquals(Instant.parse("2026-05-01T00:00:09Z"), clock.instant());
    }

    @Test
    void aOneShotFiresOnceAndACancelledTaskNever() {
        TimerHandle once = timers.schedule(Duration.ofSeconds(1), log("once"));
        TimerHandle cancelled = timers.schedule(Duration.ofSeconds(1), log("never"));
        assertTrue(cancelled.cancel());
        timers.advance(Duration.ofMinutes(1));
        assertEquals(List.of("once@1"), fired);
        assertFalse(once.isActive());
        assertFalse(once.cancel());
    }

    @Test
    void aFixedDelayCountsFromTheEndOfTheRunAndAThrowingTaskKeepsItsSchedule() {
        timers.scheduleWithFixedDelay(Duration.ofSeconds(2), Duration.ofSeconds(4), () -> {
            fired.add("d@" + clock.instant().getEpochSecond() % 3600);
            throw new IllegalStateException("boom");
        });
        timers.advance(Duration.ofSeconds(10));
        assertEquals(List.of("d@2", "d@6", "d@10"), fired);
        assertEquals(3, timers.failures().size());
    }

    @Test
    void theCoresLimitsApply() {
        assertThrows(IllegalArgumentException.class, () -> timers.schedule(Duration.ofMillis(999), log("x")));
        for (int i = 0; i < VirtualTimers.MAX_TIMERS; i++) {
            timers.schedule(Duration.ofHours(1), log("t" + i));
        }
        assertThrows(TimerLimitException.class, () -> timers.schedule(Duration.ofHours(1), log("one more")));
        assertThrows(IllegalStateException.class, () -> timers.scheduleDurable("d", Duration.ofHours(1), "{}"),
                "no handler registered");
    }

    @Test
    void aDurableTimerScheduledTooSoonMovesToTheMinimumAndReplacingKeepsOne() {
        timers.onDurable(t -> fired.add(t.name() + ":" + t.payload() + ":" + t.attempt()));
        timers.scheduleDurable("x", clock.instant().minusSeconds(30), "{\"n\":1}");
        timers.scheduleDurable("x", clock.instant(), "{\"n\":2}");
        assertEquals(clock.instant().plusSeconds(1), timers.findDurable("x").orElseThrow().dueAt());
        timers.advance(Duration.ofSeconds(1));
        assertEquals(List.of("x:{\"n\":2}:1"), fired);
        assertEquals(0, timers.pending());
    }

    @Test
    void stoppingCancelsInMemoryTimersAndKeepsDurableOnesForTheNextStart() {
        timers.onDurable(t -> fired.add("durable " + t.name()));
        timers.schedule(Duration.ofSeconds(5), log("memory"));
        timers.scheduleDurable("kept", Duration.ofSeconds(5), "{}");
        timers.stop();
        assertThrows(IllegalStateException.class, () -> timers.schedule(Duration.ofSeconds(5), log("late")));
        timers.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), fired, "nothing is delivered without a handler");
        timers.restart();
        timers.onDurable(t -> fired.add("durable " + t.name()));
        timers.advance(Duration.ofSeconds(1));
        assertEquals(List.of("durable kept"), fired, "a timer that came due meanwhile is delivered after the start");
    }
}
