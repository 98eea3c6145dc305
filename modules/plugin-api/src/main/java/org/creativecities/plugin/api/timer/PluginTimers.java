package org.creativecities.plugin.api.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A plugin's timers: tasks the core runs later, under the same plugin supervisor as every call into the plugin.
 * Obtained from {@link org.creativecities.plugin.api.ModuleContext#timers()}; needs no permission. Thread-safe.
 *
 * <p><b>Where and how tasks run.</b> Never on a request thread and never on the core's scheduler thread: when a
 * timer fires, the core hands the task to a worker of its plugin supervisor, with the plugin's class loader as
 * context loader and the call time limit ({@code ccc.plugins.call-timeout}, 2 s by default); the worker is
 * interrupted when the limit passes. A task that throws or overruns counts as one failure against the plugin's
 * health, exactly like a failing route or hook (three within the window disable the plugin, which cancels all
 * its timers). A failure never affects other timers, other plugins or the server.
 *
 * <p><b>Limits.</b> Every delay and period must be at least the core's minimum ({@code ccc.plugins.timers.min-delay},
 * 1 s by default; shorter ones are refused with {@link IllegalArgumentException}). A plugin may have at most
 * {@code ccc.plugins.timers.max-per-plugin} timers (100 by default), in-memory and durable together; one more is
 * refused with {@link TimerLimitException}.
 *
 * <h2>In-memory timers: at most once</h2>
 * {@link #schedule}, {@link #scheduleAtFixedRate} and {@link #scheduleWithFixedDelay} keep the task in memory:
 * <ul>
 *   <li>Each firing runs the task <em>at most once</em>; it is never retried. It does not run at all if the
 *       plugin stops first, if the server stops or crashes first, or if the supervisor refuses the call because
 *       the plugin already has its maximum of calls in flight ({@code ccc.plugins.max-concurrent-calls}) or every
 *       worker is busy (the core logs the skipped firing; it does not count as a failure).</li>
 *   <li>Stopping the plugin (stop, disable, automatic disable, upgrade, uninstall, server shutdown) cancels all
 *       of them; none fires after {@code CommonsModule.stop} has been called. A new start begins with none.</li>
 *   <li>A repeating task never overlaps itself. At a fixed rate, firings are due at {@code initialDelay + n *
 *       period}; a firing that comes while the previous run is still going is skipped. With a fixed delay, the
 *       next run is due {@code delay} after the previous run ended (however it ended).</li>
 *   <li>A repeating task that throws keeps its schedule (the failure is counted); cancel it to stop it.</li>
 * </ul>
 *
 * <h2>Durable timers: at least once</h2>
 * {@link #scheduleDurable(String, Duration, String)} stores a named timer with a JSON payload in the core's
 * database before it returns. When it comes due, the core calls the handler registered with
 * {@link #onDurable(DurableTimerHandler)} with the name and the payload:
 * <ul>
 *   <li>It survives the plugin's stop and start, an upgrade (the new version receives it), and a restart or
 *       crash of the server. A timer that came due while the plugin was not running is delivered soon after the
 *       plugin has started again (after {@code start} returned), once.</li>
 *   <li>Delivery is <em>at least once</em>: the core deletes the timer only after the handler returned normally.
 *       If the handler throws or overruns its time limit, the failure is counted and the timer is delivered again
 *       after a retry delay ({@code ccc.plugins.timers.retry-delay}, 30 s by default), up to
 *       {@value #MAX_ATTEMPTS} deliveries in all; after the last failed one it is deleted and the core logs it. If
 *       the plugin stops or the server stops or crashes while the handler runs, the timer is delivered again after
 *       the next start, whatever the count. So the handler may see a timer more than once, and must be
 *       idempotent ({@link DurableTimer#attempt()} says which delivery it is).</li>
 *   <li>A delivery the supervisor refuses because the plugin is busy is not an attempt: it is tried again after
 *       the retry delay.</li>
 *   <li>A start of the plugin that registers no handler receives none: its due timers stay stored, undelivered
 *       and uncounted (they still count toward the limit), until a start that registers one, or until the plugin
 *       cancels them.</li>
 *   <li>Names are unique within the plugin: scheduling a name that exists replaces its due time and payload, and
 *       a delivery of the replaced one that is already running does not delete the new one.</li>
 *   <li>Uninstalling the plugin with its data purged deletes its durable timers; uninstalling without purge keeps
 *       them for a reinstall.</li>
 * </ul>
 *
 * @since 1.3.0
 */
public interface PluginTimers {

    /** Deliveries of one durable timer whose handler failed, after which it is dropped. */
    int MAX_ATTEMPTS = 3;

    /** Longest durable timer name, in characters. */
    int MAX_NAME_LENGTH = 200;

    /** Longest durable timer payload, in characters of JSON text. */
    int MAX_PAYLOAD_LENGTH = 16_384;

    /**
     * Runs the task once, after {@code delay}.
     *
     * @throws IllegalArgumentException if the delay is shorter than the minimum
     * @throws TimerLimitException      if the plugin has as many timers as it may
     * @throws IllegalStateException    if the plugin has stopped (this service belongs to one start)
     */
    TimerHandle schedule(Duration delay, Runnable task);

    /**
     * Runs the task repeatedly, first after {@code initialDelay}, then every {@code period}, skipping a firing
     * while the previous run is still going. Until cancelled or the plugin stops.
     *
     * @throws IllegalArgumentException if a delay or the period is shorter than the minimum
     * @throws TimerLimitException      if the plugin has as many timers as it may
     * @throws IllegalStateException    if the plugin has stopped
     */
    TimerHandle scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /**
     * Runs the task repeatedly, first after {@code initialDelay}, then {@code delay} after each run ended. Until
     * cancelled or the plugin stops.
     *
     * @throws IllegalArgumentException if a delay is shorter than the minimum
     * @throws TimerLimitException      if the plugin has as many timers as it may
     * @throws IllegalStateException    if the plugin has stopped
     */
    TimerHandle scheduleWithFixedDelay(Duration initialDelay, Duration delay, Runnable task);

    /**
     * Registers the plugin's handler of durable timers, replacing any earlier one. Call it in
     * {@code CommonsModule.start}, before scheduling durable timers: timers stored by an earlier start are
     * delivered to it once {@code start} has returned.
     */
    void onDurable(DurableTimerHandler handler);

    /**
     * Stores a durable timer due after {@code delay}, replacing any of the same name.
     *
     * @param name        1 to {@value #MAX_NAME_LENGTH} characters, unique within the plugin
     * @param payloadJson JSON text, at most {@value #MAX_PAYLOAD_LENGTH} characters; {@code "{}"} if there is
     *                    nothing to carry
     * @throws IllegalArgumentException if the name, the payload or the delay is not acceptable
     * @throws IllegalStateException    if no handler is registered, or the plugin has stopped
     * @throws TimerLimitException      if the plugin has as many timers as it may (replacing one is always allowed)
     */
    TimerHandle scheduleDurable(String name, Duration delay, String payloadJson);

    /**
     * Stores a durable timer due at {@code dueAt}, replacing any of the same name. A time less than the minimum
     * delay from now (or in the past) is moved to now plus the minimum delay.
     *
     * @see #scheduleDurable(String, Duration, String)
     */
    TimerHandle scheduleDurable(String name, Instant dueAt, String payloadJson);

    /** The durable timer of that name, if it is stored (not yet delivered, not cancelled). */
    Optional<DurableTimer> findDurable(String name);

    /** Deletes the durable timer of that name; true if there was one. */
    boolean cancelDurable(String name);
}
