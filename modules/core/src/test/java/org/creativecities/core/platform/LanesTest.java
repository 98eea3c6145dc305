package org.creativecities.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LanesTest {

    @Test
    void noMoreThanTheLanesRunAtOnceAndTheRestWaitTheirTurn() throws Exception {
        Lanes lanes = new Lanes(2, 100, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                results.add(pool.submit(() -> lanes.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(Optional.of(i), results.get(i).get(30, TimeUnit.SECONDS));
            }
            assertEquals(2, most.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerIsTurnedAwayAtOnceWhenTooManyAreWaiting() throws Exception {
        Lanes lanes = new Lanes(1, 1, Duration.ofSeconds(30));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<String>> first = pool.submit(() -> lanes.run(() -> {
                inside.countDown();
                await(release);
                return "first";
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            Future<Optional<String>> waiting = pool.submit(() -> lanes.run(() -> "second"));
            while (!waitingIsQueued(lanes)) {
                sleep(1);
            }
            assertEquals(Optional.empty(), lanes.run(() -> "third"), "turned away: one is already waiting");
            release.countDown();
            assertEquals(Optional.of("first"), first.get(10, TimeUnit.SECONDS));
            assertEquals(Optional.of("second"), waiting.get(10, TimeUnit.SECONDS));
            assertEquals(Optional.of("fourth"), lanes.run(() -> "fourth"), "a free lane takes new work again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerThatWaitsTooLongIsTurnedAway() throws Exception {
        Lanes lanes = new Lanes(1, 10, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> lanes.run(() -> {
                inside.countDown();
                await(release);
                return "busy";
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), lanes.run(() -> "late"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static boolean waitingIsQueued(Lanes lanes) {
        return lanes.waiting() > 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
