package org.creativecities.plugin.api.timer;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable timer as the core keeps it, handed to the plugin's {@link DurableTimerHandler} when it fires.
 *
 * @param name    the name the plugin gave it, unique within the plugin
 * @param dueAt   when it was due; it fires at that time or, if the plugin was not running then, soon after the
 *                plugin starts again
 * @param payload the JSON text the plugin stored with it
 * @param attempt which delivery this is: 1 the first time, more when an earlier delivery failed, timed out or was
 *                cut short by a stop or a crash (see {@link PluginTimers} on at-least-once delivery); 0 when the
 *                timer is only looked up ({@link PluginTimers#findDurable(String)}) and has not been delivered yet
 * @since 1.3.0
 */
public record DurableTimer(String name, Instant dueAt, String payload, int attempt) {

    public DurableTimer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(payload, "payload");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be 0 or more");
        }
    }
}
