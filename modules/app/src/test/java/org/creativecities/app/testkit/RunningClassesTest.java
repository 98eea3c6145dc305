package org.creativecities.app.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The order in which test classes get the run's permits (the waiting, not the tests). */
@Timeout(30)
class RunningClassesTest {

    @Test
    void aPermitGivenBackByASharedClassGoesToTheNextSharedClassBeforeAWaitingLaneClass() throws Exception {
        RunningClasses.Permits permits = new RunningClasses.Permits(1, 10_000);
        permits.acquire(true);
        CountDownLatch laneGotIt = new CountDownLatch(1);
        Thread lane = start(() -> {
            permits.acquire(false);
            laneGotIt.countDown();
        });
        waitUntilWaiting(lane);

        permits.release(true);
        permits.acquire(true);

        assertFalse(laneGotIt.await(300, TimeUnit.MILLISECONDS), "the next shared class holds the permit");
        permits.release(false);
        assertTrue(laneGotIt.await(5, TimeUnit.SECONDS), "a lane class's own release is not reserved");
    }

    @Test
    void aReservedPermitThatNoSharedClassTakesGoesToTheLaneAfterTheHandOver() throws Exception {
        RunningClasses.Permits permits = new RunningClasses.Permits(1, 400);
        permits.acquire(true);
        CountDownLatch laneGotIt = new CountDownLatch(1);
        Thread lane = start(() -> {
            permits.acquire(false);
            laneGotIt.countDown();
        });
        waitUntilWaiting(lane);

        long released = System.nanoTime();
        permits.release(true);

        assertTrue(laneGotIt.await(5, TimeUnit.SECONDS), "the last shared class does not keep its permit for ever");
        assertTrue(Duration.ofNanos(System.nanoTime() - released).toMillis() >= 300,
                "the lane class waited for the hand-over");
    }

    @Test
    void laneClassesAreServedInTheOrderTheyAskedAndTheOtherPermitStaysFree() throws Exception {
        RunningClasses.Permits permits = new RunningClasses.Permits(2, 10_000);
        permits.acquire(true);
        permits.release(true);
        permits.acquire(false);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread first = start(() -> {
            permits.acquire(false);
            order.add("first");
        });
        waitUntilWaiting(first);
        Thread second = start(() -> {
            permits.acquire(false);
            order.add("second");
        });
        waitUntilWaiting(second);

        permits.acquire(true);
        permits.release(false);
        first.join(5_000);
        assertEquals(List.of("first"), order, "one permit for the lanes while the shared classes hold the other");
        permits.release(false);
        second.join(5_000);
        assertEquals(List.of("first", "second"), order);
    }

    private static Thread start(Runnable body) {
        Thread t = new Thread(body);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void waitUntilWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5);
        }
    }
}
