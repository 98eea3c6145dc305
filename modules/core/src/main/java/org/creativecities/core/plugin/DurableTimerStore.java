package org.creativecities.core.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.timer.DurableTimer;

/**
 * Where the durable timers of plugins are kept between restarts: the core's {@code plugin_timer} table
 * ({@link JpaDurableTimerStore}). Every timer has a generation, new on every save (compared for equality only), so
 * that the delivery of a replaced timer can never delete or count against the timer that replaced it.
 */
interface DurableTimerStore {

    /**
     * One stored timer.
     *
     * @param attempts   deliveries begun so far
     * @param generation which save of the name this is
     */
    record Stored(String name, Instant dueAt, String payload, int attempts, long generation) {

        /** As the plugin sees it, as its {@code attempts}-th delivery (0: not delivered yet). */
        DurableTimer view() {
            return new DurableTimer(name, dueAt, payload, attempts);
        }
    }

    /** Saves the timer, replacing any of the same name; returns it with its new generation and no attempts. */
    Stored save(String pluginId, String name, Instant dueAt, String payload);

    Optional<Stored> find(String pluginId, String name);

    /** The plugin's timers, earliest due first. */
    List<Stored> all(String pluginId);

    long count(String pluginId);

    /** Counts one more delivery of that generation, if it is still stored; returns it as updated. */
    Optional<Stored> beginAttempt(String pluginId, String name, long generation);

    /** Deletes the timer of that name; true if there was one. */
    boolean delete(String pluginId, String name);

    /** Deletes the timer of that name only if it is still that generation; true if it was. */
    boolean delete(String pluginId, String name, long generation);
}
