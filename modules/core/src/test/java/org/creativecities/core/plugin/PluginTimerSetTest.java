package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerHandle;
import org.creativecities.plugin.api.timer.TimerLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduling logic of plugin timers on a real scheduler, with the supervisor replaced by {@link FakeTimerCalls}
 * and the table by {@link InMemoryTimerStore}. Every wait polls with a generous deadline; no assertion depends on
 * how fast the machine is.
 */
class PluginTimerSetTest {

    private static final Duration MIN = Duration.ofMillis(20);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
    private final FakeTimerCalls calls = new FakeTimerCalls();
    private final InMemoryTimerStore store = new InMemoryTimerStore();

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
        calls.close();
    }

    private PluginTimerSet set(int max) {
        return new PluginTimerSet("p", scheduler, calls, store, new PluginTimerSet.Limits(max, MIN, MIN),
                Clock.systemUTC(), Logger.getLogger("test"));
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until a marker scheduled {@code periods} minimum delays from now has run on the same scheduler. */
    private void letTimePass(int periods) throws InterruptedException {
        CountDownLatch marker = new CountDownLatch(1);
        scheduler.schedule(marker::countDown, MIN.toMillis() * periods, TimeUnit.MILLISECONDS);
        assertTrue(marker.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aOneShotTaskRunsOnceThroughTheSupervisorAndThenNoLongerCounts() throws InterruptedException {
        PluginTimerSet timers = set(10);
        AtomicInteger runs = new AtomicInteger();
        TimerHandle h = timers.schedule(MIN, runs::incrementAndGet);
        assertTrue(h.isActive());
        await(() -> runs.get() == 1, "the one-shot ran");
        letTimePass(5);
        assertEquals(1, runs.get());
        assertEquals(List.of("one-shot timer"), calls.operations, "it ran as a supervised call");
        assertFalse(h.isActive());
        assertFalse(h.cancel(), "nothing left to cancel");
        assertEquals(0, timers.inMemory());
    }

    @Test
    void delaysAndPeriodsShorterThanTheMinimumAreRefusedWithTheKeyToChange() {
        PluginTimerSet timers = set(10);
        var e = assertThrows(IllegalArgumentException.class, () -> timers.schedule(Duration.ofMillis(1), () -> { }));
        assertTrue(e.getMessage().contains("ccc.plugins.timers.min-delay"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> timers.scheduleAtFixedRate(MIN, Duration.ZERO, () -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> timers.scheduleWithFixedDelay(Duration.ofMillis(-5), MIN, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> timers.schedule(null, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> timers.schedule(MIN, null));
        assertEquals(0, timers.inMemory());
    }

    @Test
    void aPluginHasAtMostTheLimitOfTimersInMemoryAndDurableTogether() {
        PluginTimerSet timers = set(3);
        timers.onDurable(t -> { });
        TimerHandle first = timers.schedule(Duration.ofHours(1), () -> { });
        timers.scheduleAtFixedRate(Duration.ofHours(1), Duration.ofHours(1), () -> { });
        timers.scheduleDurable("d", Duration.ofHours(1), "{}");
        TimerLimitException e = assertThrows(TimerLimitException.class, () -> timers.schedule(MIN, () -> { }));
        assertTrue(e.getMessage().contains("already has 3 timers") && e.getMessage()
                .contains("ccc.plugins.timers.max-per-plugin"), e.getMessage());
        assertThrows(TimerLimitException.class, () -> timers.scheduleDurable("e", Duration.ofHours(1), "{}"));
        timers.scheduleDurable("d", Duration.ofHours(2), "{\"replaced\":true}");
        assertTrue(first.cancel());
        timers.schedule(Duration.ofHours(1), () -> { });
    }

    @Test
    void aFixedRateTaskRepeatsUntilCancelled() throws InterruptedException {
        PluginTimerSet timers = set(10);
        AtomicInteger runs = new AtomicInteger();
        TimerHandle h = timers.scheduleAtFixedRate(MIN, MIN, runs::incrementAndGet);
        await(() -> runs.get() >= 3, "three runs");
        assertTrue(h.cancel());
        int atCancel = runs.get();
        letTimePass(10);
        assertTrue(runs.get() <= atCancel + 1, "at most the run in progress finished: " + runs.get() + " after "
                + atCancel);
        assertFalse(h.isActive());
        assertEquals(0, timers.inMemory());
    }

    @Test
    void aRepeatingTaskNeverOverlapsItselfAndSkipsFiringsWhileItRuns() throws InterruptedException {
        PluginTimerSet timers = set(10);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        timers.scheduleAtFixedRate(MIN, MIN, () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            if (runs.incrementAndGet() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inside.decrementAndGet();
        });
        await(() -> runs.get() == 1, "the first run started");
        letTimePass(10);
        assertEquals(1, runs.get(), "firings due while the first run is going are skipped");
        release.countDown();
        await(() -> runs.get() >= 3, "it goes on after the long run");
        assertEquals(1, most.get(), "never two runs at once");
    }

    @Test
    void aFixedDelayTaskRepeatsAndAThrowingOneKeepsItsScheduleWithEachFailureCounted() {
        PluginTimerSet timers = set(10);
        AtomicInteger runs = new AtomicInteger();
        timers.scheduleWithFixedDelay(MIN, MIN, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("fails on purpose");
        });
        await(() -> runs.get() >= 3, "three runs");
        await(() -> calls.failures.size() >= 3, "each failure reported");
        assertTrue(calls.failures.stream().allMatch("timer with fixed delay"::equals), calls.failures.toString());
    }

    @Test
    void closingCancelsEveryInMemoryTimerAndRefusesNewOnes() throws InterruptedException {
        PluginTimerSet timers = set(10);
        AtomicInteger runs = new AtomicInteger();
        TimerHandle once = timers.schedule(Duration.ofMillis(60), runs::incrementAndGet);
        TimerHandle rate = timers.scheduleAtFixedRate(Duration.ofMillis(60), MIN, runs::incrementAndGet);
        timers.close();
        assertFalse(once.isActive());
        assertFalse(rate.cancel(), "already cancelled by the stop");
        letTimePass(10);
        assertEquals(0, runs.get(), "nothing fires after the plugin stopped");
        assertEquals(0, scheduler.getQueue().size(), "no task (and no plugin class) left in the scheduler");
        var e = assertThrows(IllegalStateException.class, () -> timers.schedule(MIN, () -> { }));
        assertTrue(e.getMessage().contains("has stopped"), e.getMessage());
    }

    @Test
    void aFiringTheSupervisorRefusesIsSkippedNotRetried() throws InterruptedException {
        PluginTimerSet timers = set(10);
        AtomicInteger runs = new AtomicInteger();
        calls.refuseNext.set(1);
        timers.schedule(MIN, runs::incrementAndGet);
        await(() -> calls.operations.size() == 1, "the firing was attempted");
        letTimePass(10);
        assertEquals(0, runs.get());
        assertEquals(0, timers.inMemory());
    }

    @Test
    void durableTimersNeedAHandlerAValidNameAndJsonPayload() {
        PluginTimerSet timers = set(10);
        var e = assertThrows(IllegalStateException.class, () -> timers.scheduleDurable("a", MIN, "{}"));
        assertTrue(e.getMessage().contains("onDurable"), e.getMessage());
        timers.onDurable(t -> { });
        assertThrows(IllegalArgumentException.class, () -> timers.scheduleDurable("", MIN, "{}"));
        assertThrows(IllegalArgumentException.class, () -> timers.scheduleDurable("x".repeat(201), MIN, "{}"));
        var json = assertThrows(IllegalArgumentException.class, () -> timers.scheduleDurable("a", MIN, "{nope"));
        assertTrue(json.getMessage().startsWith("payloadJson is not valid JSON"), json.getMessage());
        assertThrows(IllegalArgumentException.class, () -> timers.scheduleDurable("a", MIN, null));
        assertThrows(IllegalArgumentException.class,
                () -> timers.scheduleDurable("a", MIN, "\"" + "x".repeat(PluginTimers.MAX_PAYLOAD_LENGTH) + "\""));
        assertEquals(0, store.count("p"));
    }

    @Test
    void aDurableTimerIsDeliveredWithItsPayloadAndDeletedOnceTheHandlerReturned() {
        PluginTimerSet timers = set(10);
        List<DurableTimer> seen = new CopyOnWriteArrayList<>();
        timers.onDurable(seen::add);
        timers.scheduleDurable("round-1", MIN, "{\"round\":1}");
        await(() -> seen.size() == 1, "delivered");
        DurableTimer t = seen.get(0);
        assertEquals("round-1", t.name());
        assertEquals("{\"round\":1}", t.payload());
        assertEquals(1, t.attempt());
        await(() -> store.count("p") == 0, "deleted after the handler returned");
        assertEquals(List.of("durable timer 'round-1'"), calls.operations);
    }

    @Test
    void aFailingDurableTimerIsRetriedUpToTheMostAttemptsThenDropped() {
        PluginTimerSet timers = set(10);
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        timers.onDurable(t -> {
            attempts.add(t.attempt());
            throw new IllegalStateException("fails on purpose");
        });
        timers.scheduleDurable("flaky", MIN, "{}");
        await(() -> store.count("p") == 0, "dropped at last");
        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(PluginTimers.MAX_ATTEMPTS, calls.failures.size(), "every failed delivery counts against health");
    }

    @Test
    void aDurableDeliveryTheSupervisorRefusesIsRetriedWithoutCountingAnAttempt() {
        PluginTimerSet timers = set(10);
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        timers.onDurable(t -> attempts.add(t.attempt()));
        calls.refuseNext.set(2);
        timers.scheduleDurable("busy", MIN, "{}");
        await(() -> attempts.size() == 1, "delivered after two refusals");
        assertEquals(List.of(1), attempts);
        assertEquals(3, calls.operations.size());
    }

    @Test
    void durableTimersOutliveTheStartThatMadeThemAndFireAfterTheNextStart() throws InterruptedException {
        PluginTimerSet first = set(10);
        first.onDurable(t -> {
            throw new AssertionError("the stopped start must not receive it");
        });
        first.scheduleDurable("later", Duration.ofMillis(50), "{\"n\":2}");
        first.scheduleDurable("much-later", Duration.ofHours(1), "{}");
        first.close();
        letTimePass(10);
        assertEquals(2, store.count("p"), "kept while the plugin is stopped, though one came due");
        assertTrue(calls.operations.isEmpty());

        PluginTimerSet second = set(10);
        List<DurableTimer> seen = new CopyOnWriteArrayList<>();
        second.onDurable(seen::add);
        second.armStored();
        await(() -> seen.size() == 1, "the past-due timer fires soon after the start");
        assertEquals("later", seen.get(0).name());
        assertEquals("{\"n\":2}", seen.get(0).payload());
        await(() -> store.count("p") == 1, "delivered and deleted");
        assertTrue(second.findDurable("much-later").isPresent());
        assertTrue(second.cancelDurable("much-later"));
        assertFalse(second.cancelDurable("much-later"));
    }

    @Test
    void aStartWithoutAHandlerLeavesItsDueTimersStoredAndTheNextStartWithOneGetsThem() throws InterruptedException {
        PluginTimerSet first = set(10);
        first.onDurable(t -> { });
        first.scheduleDurable("kept", Duration.ofHours(1), "{}");
        first.close();
        store.save("p", "kept", Instant.now().minusSeconds(60), "{\"late\":true}");

        PluginTimerSet withoutHandler = set(10);
        withoutHandler.armStored();
        letTimePass(10);
        assertTrue(calls.operations.isEmpty(), "not handed to the plugin, so not a failure of it");
        assertEquals(1, store.count("p"));
        withoutHandler.close();

        PluginTimerSet withHandler = set(10);
        List<DurableTimer> seen = new CopyOnWriteArrayList<>();
        withHandler.onDurable(seen::add);
        withHandler.armStored();
        await(() -> seen.size() == 1, "delivered to the start that has a handler");
        assertEquals(1, seen.get(0).attempt(), "the start without a handler did not count an attempt");
    }

    @Test
    void aHandlerThatSchedulesItsOwnNameAgainKeepsTheNewTimer() {
        PluginTimerSet timers = set(10);
        List<DurableTimer> seen = new CopyOnWriteArrayList<>();
        timers.onDurable(t -> {
            seen.add(t);
            if (seen.size() == 1) {
                timers.cancelDurable("tick");
                timers.scheduleDurable("tick", MIN, "{\"n\":2}");
            }
        });
        timers.scheduleDurable("tick", MIN, "{\"n\":1}");
        await(() -> seen.size() == 2, "the rescheduled timer fired too");
        assertEquals("{\"n\":2}", seen.get(1).payload());
        await(() -> store.count("p") == 0, "both delivered");
    }

    @Test
    void aDurableHandleCancelsItsOwnTimerOnly() {
        PluginTimerSet timers = set(10);
        timers.onDurable(t -> { });
        TimerHandle old = timers.scheduleDurable("x", Duration.ofHours(1), "{}");
        TimerHandle current = timers.scheduleDurable("x", Duration.ofHours(2), "{}");
        assertFalse(old.isActive());
        assertFalse(old.cancel(), "the replaced timer's handle does not cancel its replacement");
        assertTrue(current.isActive());
        assertTrue(current.cancel());
        assertTrue(timers.findDurable("x").isEmpty());
    }

    @Test
    void aDueTimeInThePastIsMovedToTheMinimumDelay() {
        PluginTimerSet timers = set(10);
        timers.onDurable(t -> { });
        Instant before = Instant.now();
        timers.scheduleDurable("past", Instant.parse("2020-01-01T00:00:00Z"), "{}");
        store.find("p", "past").ifPresent(s -> assertFalse(s.dueAt().isBefore(before.plus(MIN))));
    }
}
