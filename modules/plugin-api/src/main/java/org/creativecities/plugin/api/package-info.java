/**
 * The contract between the Creative Cities Commons core and domain plugins.
 *
 * <p>Plugins compile against this package only, with the API and PF4J in {@code provided} scope.
 * The contract carries a semantic version, {@link org.creativecities.plugin.api.PluginApi#VERSION};
 * a plugin states the range it needs in its {@code Plugin-Requires} manifest entry and the host
 * refuses a plugin whose range does not include the running version.
 *
 * <p>A plugin has one {@link org.creativecities.plugin.api.CommonsModule} extension. It describes itself
 * with {@link org.creativecities.plugin.api.ModuleInfo}, receives a
 * {@link org.creativecities.plugin.api.ModuleContext} with the core's services on start, and contributes
 * REST routes ({@code http}), hooks and event listeners ({@code hook}) and, since 1.1, the behaviour of live
 * room kinds ({@code room}).
 */
package org.creativecities.plugin.api;
