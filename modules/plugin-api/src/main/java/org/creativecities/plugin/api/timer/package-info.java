/**
 * Timers (plugin API 1.3): work a plugin schedules for later, run by the core under its plugin supervisor.
 *
 * <p>A plugin reaches them through {@link org.creativecities.plugin.api.ModuleContext#timers()}, which returns
 * its {@link org.creativecities.plugin.api.timer.PluginTimers}. There are two sorts:
 * <ul>
 *   <li><b>In-memory</b> timers (one-shot, fixed rate, fixed delay) run a task the plugin hands over as a
 *       {@link java.lang.Runnable}. They are <em>at most once</em> per firing and end with the start of the
 *       plugin that made them: stopping the plugin, for any reason, cancels them.</li>
 *   <li><b>Durable</b> timers are named and carry a JSON payload; the core keeps them in its database and hands
 *       them to the plugin's {@link org.creativecities.plugin.api.timer.DurableTimerHandler} when they come due,
 *       even after the plugin or the whole server restarted. They are <em>at least once</em>.</li>
 * </ul>
 * {@link org.creativecities.plugin.api.timer.PluginTimers} states both contracts precisely.
 *
 * @since 1.3.0
 */
package org.creativecities.plugin.api.timer;
