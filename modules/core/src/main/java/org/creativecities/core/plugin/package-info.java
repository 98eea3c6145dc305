/**
 * The plugin host: PF4J plugins that domain teams ship and administrators run.
 *
 * <ul>
 *   <li>{@link org.creativecities.core.plugin.PluginRegistry} holds the PF4J manager and what is installed and
 *       running, for lock-free reads; {@code PluginBootLoader} loads the plugins folder at start-up;
 *       {@link org.creativecities.core.plugin.PluginInstaller} installs, upgrades and uninstalls jars;
 *       {@link org.creativecities.core.plugin.PluginActivator} starts, stops, enables, disables and places
 *       plugins (through {@code PluginLauncher}), one change at a time;</li>
 *   <li>{@link org.creativecities.core.plugin.PluginSupervisor} is the one guard around every call into
 *       plugin code (time limits, calls in flight); a running plugin's contributions are wrapped in it once,
 *       when the plugin starts ({@code SupervisedPlugin}); {@link org.creativecities.core.plugin.PluginFailures}
 *       counts each plugin's failures, suspends it in a city and disables it;</li>
 *   <li>{@link org.creativecities.core.plugin.PluginRoutesResource} and
 *       {@link org.creativecities.core.plugin.PluginDispatcher} route REST calls to plugins without handing
 *       plugin classes to Jersey; {@link org.creativecities.core.plugin.PluginAssetServlet} serves their UI;</li>
 *   <li>{@link org.creativecities.core.plugin.PluginEvents} and {@link org.creativecities.core.plugin.PluginHooks}
 *       deliver events and run hooks;</li>
 *   <li>plugin state, settings and storage live in the core's tables ({@code V4__plugins.sql}); on a database
 *       several nodes share, {@code PluginSync} carries out here what administrators did on another node
 *       (installs, upgrades and removals in the shared plugins folder, enables and disables), and durable timers are
 *       claimed by one node per delivery ({@link org.creativecities.core.plugin.JpaDurableTimerStore}).</li>
 * </ul>
 */
package org.creativecities.core.plugin;
