/**
 * Works written by plugins (plugin API 1.3, permission {@code works.write}): a plugin creates ordinary works of the
 * core's kinds, always authored by people, and adds versions to the works it created. See {@link
 * org.creativecities.plugin.api.work.PluginWorks}.
 *
 * @since 1.3.0
 */
package org.creativecities.plugin.api.work;
