package org.creativecities.plugin.api.timer;

/**
 * Receives a plugin's durable timers when they come due; registered with
 * {@link PluginTimers#onDurable(DurableTimerHandler)} in {@code CommonsModule.start}.
 *
 * <p>The core calls it like any contribution: on a worker thread of its plugin supervisor, never on a request
 * thread, within the call time limit (2 s by default), concurrently with other calls. A throw or a timeout counts
 * as a failure against the plugin's health, and the timer is delivered again later (see {@link PluginTimers}).
 * Because delivery is at least once, the handler must be idempotent: the same timer may reach it twice, for
 * example when the server stopped while the handler was running. Check {@link DurableTimer#attempt()}, or guard
 * the effect with {@link org.creativecities.plugin.api.PluginStorage#compareAndSet}.
 *
 * @since 1.3.0
 */
@FunctionalInterface
public interface DurableTimerHandler {

    /**
     * Handles one due timer. Returning normally acknowledges it: the core deletes it. Throwing keeps it for
     * another attempt.
     */
    void onTimer(DurableTimer timer) throws Exception;
}
