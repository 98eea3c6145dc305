package org.creativecities.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeployingThreadTest {

    private final Object container = new Object();

    @Test
    void aThreadInsideTheContainersMonitorHasNotLeftUntilItReturnsFromIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<DeployingThread> seen = new CompletableFuture<>();
        Thread deploying = new Thread(() -> {
            synchronized (container) {
                seen.complete(DeployingThread.current());
                await(release);
            }
            await(new CountDownLatch(1), 2);
        });
        deploying.start();
        DeployingThread d = seen.get(10, TimeUnit.SECONDS);
        assertEquals(1, d.monitorsHeld(), "the container's monitor: " + d);
        assertFalse(d.hasLeft());
        assertFalse(d.awaitLeft(Duration.ofMillis(200)), "still inside after 200 ms");

        release.countDown();
        assertTrue(d.awaitLeft(Duration.ofSeconds(10)), "left once it returned, while the thread still runs");
        assertTrue(deploying.isAlive());
        deploying.join();
        assertTrue(d.hasLeft());
    }

    @Test
    void aThreadThatEndedHasLeft() throws Exception {
        CompletableFuture<DeployingThread> seen = new CompletableFuture<>();
        Thread deploying = new Thread(() -> {
            synchronized (container) {
                seen.complete(DeployingThread.current());
            }
        });
        deploying.start();
        deploying.join();
        DeployingThread d = seen.get();
        assertEquals(1, d.monitorsHeld());
        assertTrue(d.hasLeft());
    }

    @Test
    void aThreadThatHoldsNoMonitorHasLeftAtOnce() {
        assertTrue(DeployingThread.current().hasLeft());
    }

    @Test
    void takingAnotherMonitorLaterIsNotBeingInsideTheContainer() throws Exception {
        Object other = new Object();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<DeployingThread> seen = new CompletableFuture<>();
        CountDownLatch inOther = new CountDownLatch(1);
        Thread deploying = new Thread(() -> {
            synchronized (container) {
                seen.complete(DeployingThread.current());
            }
            synchronized (other) {
                inOther.countDown();
                await(release);
            }
        });
        deploying.start();
        DeployingThread d = seen.get(10, TimeUnit.SECONDS);
        assertTrue(inOther.await(10, TimeUnit.SECONDS));
        assertTrue(d.hasLeft(), "holds a monitor, but not the container's: " + d);
        release.countDown();
        deploying.join();
    }

    private static void await(CountDownLatch latch) {
        await(latch, 30);
    }

    private static void await(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
