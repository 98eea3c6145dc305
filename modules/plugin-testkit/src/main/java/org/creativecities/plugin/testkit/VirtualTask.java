package org.creativecities.plugin.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.creativecities.plugin.api.timer.TimerHandle;

/**
 * An in-memory timer of {@link VirtualTimers}: its task, its schedule, and the handle the plugin cancels it with.
 * Its mutable fields are guarded by the owning {@link VirtualTimers}' lock.
 */
final class VirtualTask implements TimerHandle {

    final Runnable run;
    /** Null for a one-shot. */
    final Duration period;
    final boolean fixedRate;
    Instant due;
    long order;
    boolean active = true;

    private final Object lock;
    private final Collection<VirtualTask> scheduled;

    VirtualTask(Object lock, Collection<VirtualTask> scheduled, Instant due, Duration period, boolean fixedRate,
                Runnable run, long order) {
        this.lock = lock;
        this.scheduled = scheduled;
        this.due = due;
        this.period = period;
        this.fixedRate = fixedRate;
        this.run = run;
        this.order = order;
    }

    @Override
    public boolean cancel() {
        synchronized (lock) {
            boolean was = active;
            active = false;
            scheduled.remove(this);
            return was;
        }
    }

    @Override
    public boolean isActive() {
        synchronized (lock) {
            return active;
        }
    }
}
