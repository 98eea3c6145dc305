/**
 * The media context's side of ports other parts of the application own: the plugin host's
 * {@link org.creativecities.core.plugin.PluginFileStore} (plugin API 1.3), through which plugins store files and
 * look up media.
 */
package org.creativecities.media.integration;
