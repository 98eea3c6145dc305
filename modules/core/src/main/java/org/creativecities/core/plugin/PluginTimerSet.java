package org.creativecities.core.plugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.DurableTimerHandler;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerHandle;
import org.creativecities.plugin.api.timer.TimerLimitException;

/**
 * The {@link PluginTimers} of one start of one plugin. The core's scheduler only decides <em>when</em>: at each
 * firing it hands the plugin's code to {@link Calls} (the plugin supervisor) and returns at once, so a slow plugin
 * never holds the scheduler. {@link #close()}, when the plugin stops, cancels every in-memory timer and disarms the
 * durable ones (they stay stored); the set refuses any further scheduling. Durable delivery is in
 * {@link DurableTimerDelivery}. Thread-safe: the bookkeeping is guarded by one lock, never held during a call into
 * the plugin.
 */
final class PluginTimerSet implements PluginTimers {

    /**
     * The core's limits on a plugin's timers.
     *
     * @param maxPerPlugin in-memory and durable timers together
     * @param minDelay     the shortest delay or period
     * @param retryDelay   before a failed or refused durable delivery is tried again
     */
    record Limits(int maxPerPlugin, Duration minDelay, Duration retryDelay) {
    }

    /** Runs plugin code under the supervisor, without waiting; a refused call fails with a REJECTED kind. */
    interface Calls {
        <T> CompletableFuture<T> run(String operation, Callable<T> body);
    }

    private final String pluginId;
    private final ScheduledExecutorService scheduler;
    private final Calls calls;
    private final DurableTimerStore store;
    private final Limits limits;
    private final Clock clock;
    private final Logger log;
    private final Object lock = new Object();
    private final Set<MemoryTimer> memory = new HashSet<>();
    private final DurableTimerDelivery durable;
    /** Written under the lock, read without it (the durable delivery reads it under its own lock). */
    private volatile boolean closed;

    PluginTimerSet(String pluginId, ScheduledExecutorService scheduler, Calls calls, DurableTimerStore store,
                   Limits limits, Clock clock, Logger log) {
        this.pluginId = pluginId;
        this.scheduler = scheduler;
        this.calls = calls;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.log = log;
        this.durable = new DurableTimerDelivery(pluginId, scheduler, calls, store, limits.retryDelay(), clock, log,
                this::isClosed);
    }

    /** Whether a call ended because the supervisor refused to run it (the plugin or the pool was busy). */
    static boolean refused(Throwable error) {
        return cause(error) instanceof PluginCallException p && p.kind() == PluginCallException.Kind.REJECTED;
    }

    /** The failure a completion stage carries, without its {@link CompletionException} wrapper. */
    static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops everything in memory; stored durable timers stay for the next start. Idempotent. */
    void close() {
        synchronized (lock) {
            closed = true;
            memory.forEach(MemoryTimer::disarm);
            memory.clear();
        }
        durable.disarmAll();
    }

    /** Arms every stored durable timer of the plugin: called once the plugin has started. */
    void armStored() {
        if (!isClosed()) {
            store.all(pluginId).forEach(durable::arm);
        }
    }

    /** Arms a stored durable timer that a sweep found due by {@code at}, unless it is armed already. */
    void armDue(DurableTimerStore.Stored timer, Instant at) {
        if (!isClosed()) {
            durable.armIfAbsent(timer, at);
        }
    }

    /** In-memory timers armed now (not fired, not cancelled). */
    int inMemory() {
        synchronized (lock) {
            return memory.size();
        }
    }

    private Duration atLeastMinimum(Duration d, String what) {
        return TimerArguments.atLeastMinimum(limits.minDelay(), d, what);
    }

    @Override
    public TimerHandle schedule(Duration delay, Runnable task) {
        return add(new MemoryTimer("one-shot timer", task, null, false), atLeastMinimum(delay, "delay"));
    }

    @Override
    public TimerHandle scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        atLeastMinimum(period, "period");
        return add(new MemoryTimer("timer at fixed rate", task, period, true),
                atLeastMinimum(initialDelay, "initialDelay"));
    }

    @Override
    public TimerHandle scheduleWithFixedDelay(Duration initialDelay, Duration delay, Runnable task) {
        atLeastMinimum(delay, "delay");
        return add(new MemoryTimer("timer with fixed delay", task, delay, false),
                atLeastMinimum(initialDelay, "initialDelay"));
    }

    private TimerHandle add(MemoryTimer timer, Duration delay) {
        synchronized (lock) {
            requireOpen();
            if (memory.size() + store.count(pluginId) >= limits.maxPerPlugin()) {
                throw new TimerLimitException(pluginId, limits.maxPerPlugin());
            }
            memory.add(timer);
            timer.next = clock.instant().plus(delay);
            timer.arm(delay);
        }
        return timer;
    }

    @Override
    public void onDurable(DurableTimerHandler handler) {
        if (handler == null) {
            throw new IllegalArgumentException("handler must not be null");
        }
        requireOpen();
        durable.handler(handler);
    }

    @Override
    public TimerHandle scheduleDurable(String name, Duration delay, String payloadJson) {
        return saveDurable(name, clock.instant().plus(atLeastMinimum(delay, "delay")), payloadJson);
    }

    @Override
    public TimerHandle scheduleDurable(String name, Instant dueAt, String payloadJson) {
        if (dueAt == null) {
            throw new IllegalArgumentException("dueAt must not be null");
        }
        Instant earliest = clock.instant().plus(limits.minDelay());
        return saveDurable(name, dueAt.isBefore(earliest) ? earliest : dueAt, payloadJson);
    }

    private TimerHandle saveDurable(String name, Instant dueAt, String payload) {
        TimerArguments.checkName(name);
        TimerArguments.checkPayload(payload);
        synchronized (lock) {
            requireOpen();
            if (!durable.hasHandler()) {
                throw new IllegalStateException("register a handler with PluginTimers.onDurable(...) before "
                        + "scheduling durable timers: it is what the core calls when they come due");
            }
            if (store.find(pluginId, name).isEmpty()
                    && memory.size() + store.count(pluginId) >= limits.maxPerPlugin()) {
                throw new TimerLimitException(pluginId, limits.maxPerPlugin());
            }
            DurableTimerStore.Stored stored = store.save(pluginId, name, dueAt, payload);
            durable.arm(stored);
            return durable.handle(stored);
        }
    }

    @Override
    public Optional<DurableTimer> findDurable(String name) {
        TimerArguments.checkName(name);
        return store.find(pluginId, name).map(DurableTimerStore.Stored::view);
    }

    @Override
    public boolean cancelDurable(String name) {
        TimerArguments.checkName(name);
        requireOpen();
        durable.disarm(name);
        return store.delete(pluginId, name);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("plugin '" + pluginId + "' has stopped: its timers belong to the start "
                    + "that made them; use the ModuleContext of the current start");
        }
    }

    /**
     * One in-memory timer. Its schedule and state are guarded by the set's lock; {@code running} keeps a repeating
     * task from overlapping itself.
     */
    private final class MemoryTimer implements TimerHandle {

        private final String operation;
        private final Runnable task;
        private final Duration period;
        private final boolean fixedRate;
        private boolean active = true;
        private boolean running;
        private Instant next;
        private ScheduledFuture<?> future;

        MemoryTimer(String operation, Runnable task, Duration period, boolean fixedRate) {
            if (task == null) {
                throw new IllegalArgumentException("task must not be null");
            }
            this.operation = operation;
            this.task = task;
            this.period = period;
            this.fixedRate = fixedRate;
        }

        /** Schedules the next firing; the caller holds the lock. */
        private void arm(Duration delay) {
            try {
                future = scheduler.schedule(this::fire, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                active = false;
                memory.remove(this);
            }
        }

        /** Cancels the next firing; the caller holds the lock. */
        private void disarm() {
            active = false;
            if (future != null) {
                future.cancel(false);
            }
        }

        private void fire() {
            synchronized (lock) {
                if (!active || closed) {
                    return;
                }
                if (period == null) {
                    active = false;
                    memory.remove(this);
                } else if (fixedRate) {
                    Instant now = clock.instant();
                    do {
                        next = next.plus(period);
                    } while (!next.isAfter(now));
                    arm(Duration.between(now, next));
                }
                if (running) {
                    log.fine(() -> "Plugin " + pluginId + ": " + operation
                            + " skipped a firing, its last run is going");
                    return;
                }
                running = true;
            }
            calls.run(operation, () -> {
                if (!isClosed()) {
                    task.run();
                }
                return null;
            }).whenComplete((ok, error) -> ran(error));
        }

        private void ran(Throwable error) {
            if (refused(error)) {
                log.warning(() -> "Plugin " + pluginId + ": a firing of a " + operation + " was skipped: "
                        + cause(error).getMessage());
            }
            synchronized (lock) {
                running = false;
                if (period != null && !fixedRate && active && !closed) {
                    arm(period);
                }
            }
        }

        @Override
        public boolean cancel() {
            synchronized (lock) {
                if (!active || closed) {
                    return false;
                }
                disarm();
                memory.remove(this);
                return true;
            }
        }

        @Override
        public boolean isActive() {
            synchronized (lock) {
                return active && !closed;
            }
        }
    }
}
