package org.creativecities.app.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting on a condition instead of a fixed time: what a server does asynchronously is asked for until it holds. */
public final class Await {

    private Await() {
    }

    /**
     * Reads until the condition holds (every 100 ms), and answers the last read; fails naming {@code what} and the
     * last read when {@code within} passes first.
     */
    public static <T> T until(Supplier<T> read, Predicate<T> condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = read.get();
        while (!condition.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + within + ": " + what + " (last: " + last + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        return last;
    }
}
