package org.creativecities.core.plugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.creativecities.plugin.api.timer.DurableTimerHandler;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerHandle;

/**
 * Delivers one start of one plugin's durable timers to its {@link DurableTimerHandler}, at least once: a stored
 * timer is armed in the scheduler; when it fires, the delivery is counted in the store and the handler called
 * through the supervisor; the timer is deleted only when the handler returned. A failure or time-out is retried
 * after the retry delay until {@link PluginTimers#MAX_ATTEMPTS} deliveries have failed; a delivery the supervisor
 * refused is retried without counting. A start without a handler leaves its due timers stored, undelivered and
 * uncounted. Once the set is closed (the plugin stopped) nothing is delivered, deleted or
 * counted: the stored timers wait for the next start. Outcomes are handled on the scheduler, never on the
 * supervisor's own timer thread. On a database several nodes share, every node running the plugin may arm the same
 * timer; the store lets one claim each delivery ({@link JpaDurableTimerStore}), and the others find it gone.
 */
final class DurableTimerDelivery {

    /** How a delivery ended, from inside the call. */
    private enum Outcome { DELIVERED, GONE, SKIPPED }

    /** An armed timer: the generation it fires for, and its scheduled firing. */
    private record Armed(long generation, ScheduledFuture<?> future) {
    }

    private final String pluginId;
    private final ScheduledExecutorService scheduler;
    private final PluginTimerSet.Calls calls;
    private final DurableTimerStore store;
    private final Duration retryDelay;
    private final Clock clock;
    private final Logger log;
    private final BooleanSupplier closed;
    private final Map<String, Armed> armed = new HashMap<>();
    private volatile DurableTimerHandler handler;

    DurableTimerDelivery(String pluginId, ScheduledExecutorService scheduler, PluginTimerSet.Calls calls,
                         DurableTimerStore store, Duration retryDelay, Clock clock, Logger log,
                         BooleanSupplier closed) {
        this.pluginId = pluginId;
        this.scheduler = scheduler;
        this.calls = calls;
        this.store = store;
        this.retryDelay = retryDelay;
        this.clock = clock;
        this.log = log;
        this.closed = closed;
    }

    void handler(DurableTimerHandler h) {
        handler = h;
    }

    boolean hasHandler() {
        return handler != null;
    }

    /** Arms the stored timer for its due time (now if it is past), replacing an armed one of the same name. */
    void arm(DurableTimerStore.Stored timer) {
        Duration delay = Duration.between(clock.instant(), timer.dueAt());
        arm(timer.name(), timer.generation(), delay.isNegative() ? Duration.ZERO : delay);
    }

    /**
     * Arms a stored timer that another node may have stored (a sweep found it due by {@code at}), unless this
     * generation is armed already or this start has no handler. Whichever node claims it first delivers it.
     */
    void armIfAbsent(DurableTimerStore.Stored timer, Instant at) {
        if (handler == null || isArmed(timer.name(), timer.generation())) {
            return;
        }
        Duration delay = Duration.between(clock.instant(), at);
        arm(timer.name(), timer.generation(), delay.isNegative() ? Duration.ZERO : delay);
    }

    private void arm(String name, long generation, Duration delay) {
        synchronized (armed) {
            if (closed.getAsBoolean()) {
                return;
            }
            disarm(name);
            try {
                armed.put(name, new Armed(generation, scheduler.schedule(() -> fire(name, generation),
                        delay.toNanos(), TimeUnit.NANOSECONDS)));
            } catch (RejectedExecutionException e) {
                log.fine(() -> "Plugin " + pluginId + ": durable timer '" + name
                        + "' not armed, the scheduler stopped");
            }
        }
    }

    void disarm(String name) {
        synchronized (armed) {
            Armed a = armed.remove(name);
            if (a != null) {
                a.future().cancel(false);
            }
        }
    }

    void disarmAll() {
        synchronized (armed) {
            armed.values().forEach(a -> a.future().cancel(false));
            armed.clear();
        }
    }

    private boolean isArmed(String name, long generation) {
        synchronized (armed) {
            Armed a = armed.get(name);
            return a != null && a.generation() == generation && !closed.getAsBoolean();
        }
    }

    private void forget(String name, long generation) {
        synchronized (armed) {
            Armed a = armed.get(name);
            if (a != null && a.generation() == generation) {
                armed.remove(name);
                a.future().cancel(false);
            }
        }
    }

    private void fire(String name, long generation) {
        if (!isArmed(name, generation)) {
            return;
        }
        DurableTimerHandler h = handler;
        if (h == null) {
            forget(name, generation);
            log.warning(() -> "Plugin " + pluginId + ": durable timer '" + name + "' is due but this start registered "
                    + "no handler (PluginTimers.onDurable); it stays stored for a start that does");
            return;
        }
        calls.run("durable timer '" + name + "'", () -> {
            if (closed.getAsBoolean()) {
                return Outcome.SKIPPED;
            }
            var timer = store.beginAttempt(pluginId, name, generation);
            if (timer.isEmpty()) {
                return Outcome.GONE;
            }
            h.onTimer(timer.get().view());
            return Outcome.DELIVERED;
        }).whenCompleteAsync((outcome, error) -> settle(name, generation, outcome, error), scheduler);
    }

    private void settle(String name, long generation, Outcome outcome, Throwable error) {
        if (closed.getAsBoolean() || outcome == Outcome.SKIPPED) {
            return;
        }
        if (error == null) {
            if (outcome == Outcome.DELIVERED) {
                store.delete(pluginId, name, generation);
            }
            forget(name, generation);
            return;
        }
        if (PluginTimerSet.refused(error)) {
            log.warning(() -> "Plugin " + pluginId + ": durable timer '" + name + "' refused now ("
                    + PluginTimerSet.cause(error).getMessage() + "); trying again in " + retryDelay);
            arm(name, generation, retryDelay);
            return;
        }
        var stored = store.find(pluginId, name).filter(t -> t.generation() == generation);
        if (stored.isEmpty()) {
            forget(name, generation);
        } else if (stored.get().attempts() >= PluginTimers.MAX_ATTEMPTS) {
            store.delete(pluginId, name, generation);
            forget(name, generation);
            log.warning(() -> "Plugin " + pluginId + ": durable timer '" + name + "' dropped after "
                    + PluginTimers.MAX_ATTEMPTS + " failed deliveries; last: "
                    + PluginTimerSet.cause(error).getMessage());
        } else {
            arm(name, generation, retryDelay);
        }
    }

    /** The handle of a stored timer: it cancels that generation only. */
    TimerHandle handle(DurableTimerStore.Stored timer) {
        return new TimerHandle() {
            @Override
            public boolean cancel() {
                if (closed.getAsBoolean()) {
                    return false;
                }
                forget(timer.name(), timer.generation());
                return store.delete(pluginId, timer.name(), timer.generation());
            }

            @Override
            public boolean isActive() {
                return !closed.getAsBoolean() && store.find(pluginId, timer.name())
                        .filter(t -> t.generation() == timer.generation()).isPresent();
            }
        };
    }
}
