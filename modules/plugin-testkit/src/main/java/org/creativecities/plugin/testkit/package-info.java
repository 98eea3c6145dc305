/**
 * The plugin test kit: an in-memory host to unit-test a Creative Cities Commons plugin without a server.
 *
 * <p>{@link org.creativecities.plugin.testkit.TestHost} starts a plugin's
 * {@link org.creativecities.plugin.api.CommonsModule} the way the core does ({@code info()}, checks of its room
 * kinds, settings schema and UI modules, {@code start}, then its contributions), on a
 * {@link org.creativecities.plugin.testkit.TestModuleContext} whose services keep everything in memory:
 * storage with versions, compare-and-set and expiry ({@link org.creativecities.plugin.testkit.InMemoryStorage}),
 * settings from the plugin's schema with overrides ({@link org.creativecities.plugin.testkit.TestSettings}),
 * cities and members you fill in, files ({@link org.creativecities.plugin.testkit.InMemoryFiles}), a
 * {@link org.creativecities.plugin.testkit.VirtualClock}, and timers that fire only when the test moves the clock
 * ({@link org.creativecities.plugin.testkit.VirtualTimers}). The host then calls the plugin's routes
 * ({@link org.creativecities.plugin.testkit.TestRequest}), hooks, event listener and room kinds
 * ({@link org.creativecities.plugin.testkit.TestRoom}).
 *
 * <p>Everything runs on the test's thread, in order: there is no supervisor, no time limit and no concurrency,
 * so a test sees the plugin's logic, not the host's scheduling. The end-to-end tests on a real server remain the
 * proof of the rest.
 */
package org.creativecities.plugin.testkit;
