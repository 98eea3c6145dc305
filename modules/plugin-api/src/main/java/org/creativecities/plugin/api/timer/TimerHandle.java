package org.creativecities.plugin.api.timer;

/**
 * A scheduled timer, as returned by {@link PluginTimers}: the way to cancel it. Thread-safe.
 *
 * @since 1.3.0
 */
public interface TimerHandle {

    /**
     * Cancels the timer: it will not fire again. A run already in progress is not interrupted; it finishes, and
     * no further run starts. For a durable timer this deletes it from the core's database, like
     * {@link PluginTimers#cancelDurable(String)}.
     *
     * @return true if the timer was still scheduled, false if it had already fired (one-shot), been cancelled or
     *         been cancelled by the plugin's stop
     */
    boolean cancel();

    /** Whether the timer will still fire: scheduled, not yet fired (one-shot) and not cancelled. */
    boolean isActive();
}
