package org.creativecities.plugin.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that only moves when the test moves it. Thread-safe. Move it through
 * {@link TestModuleContext#advance(Duration)} when the plugin has timers, so that they fire on the way.
 */
public final class VirtualClock extends Clock {

    private volatile Instant now;

    public VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the virtual clock is UTC, like the core's");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock forward without firing timers; negative durations are refused. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        now = now.plus(duration);
    }

    /** Moves the clock to an instant, not before the current one. */
    public synchronized void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("time only moves forward: " + instant + " is before " + now);
        }
        now = instant;
    }
}
