package org.creativecities.core.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bulkhead that queues: at most {@code lanes} pieces of work run at the same time, callers past that wait their
 * turn in arrival order, and a caller is turned away at once when {@code maxWaiting} are already waiting, or after
 * {@code maxWait}. For costly work that anonymous callers can start (password hashing), so that a flood of it gets
 * slower instead of taking every core. MicroProfile Fault Tolerance's {@code @Bulkhead} queues only asynchronous
 * calls; this one queues the calling thread.
 */
public final class Lanes {

    private final Semaphore permits;
    private final int maxWaiting;
    private final Duration maxWait;

    public Lanes(int lanes, int maxWaiting, Duration maxWait) {
        if (lanes < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("lanes must be at least 1 and maxWaiting not negative");
        }
        this.permits = new Semaphore(lanes, true);
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code work} (which must not return null) in a lane.
     *
     * @return its result; empty when it was turned away (too many waiting, or waited too long)
     */
    public <T> Optional<T> run(Supplier<T> work) {
        if (!acquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            permits.release();
        }
    }

    /** How many callers are waiting for a lane (an estimate, as the queue changes while it is counted). */
    public int waiting() {
        return permits.getQueueLength();
    }

    private boolean acquire() {
        if (permits.getQueueLength() >= maxWaiting) {
            return permits.tryAcquire();
        }
        try {
            return permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
