package org.creativecities.core.plugin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts a plugin's failures in a sliding time window and says when they reach the threshold. Pure and
 * thread-safe; time is passed in.
 */
final class FailureWindow {

    private final int threshold;
    private final Duration window;
    private final Deque<Instant> failures = new ArrayDeque<>();

    FailureWindow(int threshold, Duration window) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.window = window;
    }

    /** Records a failure; true if the failures within the window now reach the threshold. */
    synchronized boolean record(Instant at) {
        failures.addLast(at);
        evict(at);
        return failures.size() >= threshold;
    }

    /** The failures within the window ending at {@code now}. */
    synchronized int count(Instant now) {
        evict(now);
        return failures.size();
    }

    synchronized void clear() {
        failures.clear();
    }

    private void evict(Instant now) {
        Instant oldest = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
            failures.removeFirst();
        }
    }
}
