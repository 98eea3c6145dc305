/**
 * The contract between the Creative Cities Commons core and domain plugins.
 *
 * <p>Plugins compile against this package only, with the API and PF4J in {@code provided} scope.
 * The contract carries a semantic version, {@link org.creativecities.plugin.api.PluginApi#VERSION};
 * a plugin states the range it needs in its {@code Plugin-Requires} manifest entry and the host
 * refuses a plugin whose range does not include the running version.
 */
package org.creativecities.plugin.api;
