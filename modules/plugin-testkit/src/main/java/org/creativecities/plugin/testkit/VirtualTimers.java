package org.creativecities.plugin.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.DurableTimerHandler;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerHandle;
import org.creativecities.plugin.api.timer.TimerLimitException;

/**
 * {@link PluginTimers} on a {@link VirtualClock}: nothing fires until the test calls {@link #advance}, which moves
 * the clock to each due time in order and runs what is due there, on the test's thread. The rules are the core's
 * defaults: delays of at least 1 s, at most 100 timers, in-memory timers at most once per firing and cancelled by
 * {@link #stop()}, durable timers delivered to the registered handler at least once (a handler that throws gets
 * the timer again 30 s later, up to {@link PluginTimers#MAX_ATTEMPTS} deliveries), kept across a stop and
 * delivered after the next start's handler is registered. What a task or handler throws is recorded in
 * {@link #failures()} instead of failing the test at once, as the core records it against the plugin's health.
 */
public final class VirtualTimers implements PluginTimers {

    /** The core's default minimum delay ({@code ccc.plugins.timers.min-delay}). */
    public static final Duration MIN_DELAY = Duration.ofSeconds(1);
    /** The core's default limit per plugin ({@code ccc.plugins.timers.max-per-plugin}). */
    public static final int MAX_TIMERS = 100;
    /** The core's default retry delay of a durable timer whose handler failed. */
    public static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    private final String pluginId;
    private final VirtualClock clock;
    private final List<VirtualTask> tasks = new ArrayList<>();
    private final Map<String, StoredDurable> durable = new LinkedHashMap<>();
    private final List<Throwable> failures = new ArrayList<>();
    private DurableTimerHandler handler;
    private boolean stopped;
    private long sequence;

    public VirtualTimers(String pluginId, VirtualClock clock) {
        this.pluginId = pluginId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized TimerHandle schedule(Duration delay, Runnable task) {
        return add(delay, null, false, task);
    }

    @Override
    public synchronized TimerHandle scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        checkDelay(period);
        return add(initialDelay, period, true, task);
    }

    @Override
    public synchronized TimerHandle scheduleWithFixedDelay(Duration initialDelay, Duration delay, Runnable task) {
        checkDelay(delay);
        return add(initialDelay, delay, false, task);
    }

    @Override
    public synchronized void onDurable(DurableTimerHandler durableHandler) {
        checkRunning();
        this.handler = Objects.requireNonNull(durableHandler, "handler");
    }

    @Override
    public TimerHandle scheduleDurable(String name, Duration delay, String payloadJson) {
        checkDelay(delay);
        return scheduleDurable(name, clock.instant().plus(delay), payloadJson);
    }

    @Override
    public synchronized TimerHandle scheduleDurable(String name, Instant dueAt, String payloadJson) {
        checkRunning();
        if (handler == null) {
            throw new IllegalStateException("register a handler with onDurable before scheduling durable timers");
        }
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a durable timer's name is 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (payloadJson == null || payloadJson.length() > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("a durable timer's payload is JSON of at most " + MAX_PAYLOAD_LENGTH
                    + " characters");
        }
        if (!durable.containsKey(name)) {
            checkLimit();
        }
        Instant earliest = clock.instant().plus(MIN_DELAY);
        Instant due = dueAt.isBefore(earliest) ? earliest : dueAt;
        durable.put(name, new StoredDurable(name, due, payloadJson, ++sequence));
        return new TimerHandle() {
            @Override
            public boolean cancel() {
                return cancelDurable(name);
            }

            @Override
            public boolean isActive() {
                return findDurable(name).isPresent();
            }
        };
    }

    @Override
    public synchronized Optional<DurableTimer> findDurable(String name) {
        StoredDurable d = durable.get(name);
        return d == null ? Optional.empty() : Optional.of(new DurableTimer(d.name, d.due, d.payload, 0));
    }

    @Override
    public synchronized boolean cancelDurable(String name) {
        return durable.remove(name) != null;
    }

    /**
     * Moves the clock forward by {@code duration}, firing every timer that comes due on the way, in order of due
     * time (then of scheduling), each with the clock set to its due time; the clock ends at the target.
     *
     * @return how many tasks and deliveries ran
     */
    public int advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        int ran = 0;
        while (true) {
            Runnable next;
            synchronized (this) {
                next = nextDue(target);
            }
            if (next == null) {
                break;
            }
            next.run();
            ran++;
        }
        clock.set(target);
        return ran;
    }

    /** The in-memory timers still scheduled, and the stored durable ones. */
    public synchronized int pending() {
        return tasks.size() + durable.size();
    }

    /** What tasks and handlers threw, in order. */
    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /**
     * What the core does when the plugin stops: cancels every in-memory timer and forgets the handler; durable
     * timers stay stored for the next start ({@link #restart()}).
     */
    public synchronized void stop() {
        stopped = true;
        tasks.forEach(t -> t.active = false);
        tasks.clear();
        handler = null;
    }

    /** A new start of the plugin: timers may be scheduled again, and stored durable timers await a handler. */
    public synchronized void restart() {
        stopped = false;
    }

    private Runnable nextDue(Instant target) {
        VirtualTask task = tasks.stream().filter(t -> !t.due.isAfter(target))
                .min(Comparator.comparing((VirtualTask t) -> t.due).thenComparingLong(t -> t.order)).orElse(null);
        StoredDurable timer = handler == null ? null : durable.values().stream().filter(d -> !d.due.isAfter(target))
                .min(Comparator.comparing((StoredDurable d) -> d.due).thenComparingLong(d -> d.order)).orElse(null);
        if (task == null && timer == null) {
            return null;
        }
        if (timer == null || (task != null && (task.due.isBefore(timer.due)
                || task.due.equals(timer.due) && task.order < timer.order))) {
            moveTo(task.due);
            return () -> fire(task);
        }
        moveTo(timer.due);
        return () -> deliver(timer);
    }

    /**
     * Sets the clock to a due time; one already past (a durable timer that came due while no handler was
     * registered) runs now, as the core delivers it soon after the start.
     */
    private void moveTo(Instant due) {
        if (due.isAfter(clock.instant())) {
            clock.set(due);
        }
    }

    private void fire(VirtualTask task) {
        synchronized (this) {
            if (task.period == null) {
                task.active = false;
                tasks.remove(task);
            }
        }
        try {
            task.run.run();
        } catch (RuntimeException | Error e) {
            record(e);
        }
        synchronized (this) {
            if (task.period != null && task.active) {
                task.due = task.fixedRate ? task.due.plus(task.period) : clock.instant().plus(task.period);
                task.order = ++sequence;
            }
        }
    }

    private void deliver(StoredDurable timer) {
        DurableTimerHandler h;
        int attempt;
        synchronized (this) {
            h = handler;
            attempt = ++timer.attempts;
        }
        try {
            h.onTimer(new DurableTimer(timer.name, timer.due, timer.payload, attempt));
            synchronized (this) {
                durable.remove(timer.name, timer);
            }
        } catch (Exception | Error e) {
            record(e);
            synchronized (this) {
                if (attempt >= MAX_ATTEMPTS) {
                    durable.remove(timer.name, timer);
                } else {
                    timer.due = clock.instant().plus(RETRY_DELAY);
                    timer.order = ++sequence;
                }
            }
        }
    }

    private synchronized void record(Throwable e) {
        failures.add(e);
    }

    private TimerHandle add(Duration delay, Duration period, boolean fixedRate, Runnable run) {
        checkRunning();
        checkDelay(delay);
        Objects.requireNonNull(run, "task");
        checkLimit();
        VirtualTask task = new VirtualTask(this, tasks, clock.instant().plus(delay), period, fixedRate, run, ++sequence);
        tasks.add(task);
        return task;
    }

    private void checkDelay(Duration delay) {
        if (delay == null || delay.compareTo(MIN_DELAY) < 0) {
            throw new IllegalArgumentException("a timer's delay must be at least " + MIN_DELAY.toSeconds() + " s");
        }
    }

    private void checkLimit() {
        if (tasks.size() + durable.size() >= MAX_TIMERS) {
            throw new TimerLimitException(pluginId, MAX_TIMERS);
        }
    }

    private void checkRunning() {
        if (stopped) {
            throw new IllegalStateException("the plugin has stopped; its timers service belongs to that start");
        }
    }
}
