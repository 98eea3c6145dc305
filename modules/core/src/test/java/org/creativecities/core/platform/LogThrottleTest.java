package org.creativecities.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void oneLineAPeriodPerClassAndTheNextCountsWhatWasLeftOut() {
        LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1), 1, 16, now::get);
        assertEquals(0, throttle.admit("401 GET /a"));
        assertEquals(0, throttle.admit("429 POST /b"));
        for (int i = 0; i < 99; i++) {
            assertEquals(-1, throttle.admit("401 GET /a"));
        }
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(-1, throttle.admit("401 GET /a"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(100, throttle.admit("401 GET /a"));
        assertEquals(0, throttle.admit("429 POST /b"));
    }

    @Test
    void aBurstOfLinesAPeriodThenTheRestAreCounted() {
        LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1), 10, 16, now::get);
        int logged = 0;
        for (int i = 0; i < 300; i++) {
            if (throttle.admit("400 POST /api/accounts") >= 0) {
                logged++;
            }
        }
        assertEquals(10, logged);
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertEquals(290, throttle.admit("400 POST /api/accounts"), "the first line of the next minute counts the rest");
    }

    @Test
    void madeUpClassesShareOneOnceTheBoundIsReached() {
        LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1), 1, 4, now::get);
        int logged = 0;
        for (int i = 0; i < 10_000; i++) {
            if (throttle.admit("404 GET /made-up-" + i) >= 0) {
                logged++;
            }
        }
        assertEquals(4, logged, "three classes of their own, then one shared");
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertEquals(0, throttle.admit("404 GET /later"), "quiet classes are forgotten once a period has passed");
    }
}
