package org.creativecities.core.plugin;

import java.util.Optional;
import org.creativecities.plugin.api.work.PluginWork;
import org.creativecities.plugin.api.work.PluginWorkException;

/**
 * Works as plugins write them (plugin API 1.3, {@link org.creativecities.plugin.api.work.PluginWorks}): a port the
 * plugin host owns and the works context implements, so that the core never depends on works. Without an
 * implementation (a build without the works context) {@code ModuleContext.works()} is unsupported.
 *
 * <p>Every method acts for the plugin {@code pluginId}; adding versions and reading back are limited to the works that
 * plugin created. Refusals are {@link PluginWorkException}s.
 */
public interface PluginWorkStore {

    /** Creates a work of a core kind for the plugin, authored by {@code authorId}. */
    PluginWork create(String pluginId, String citySlug, String kind, String title, String content, String message,
                      long authorId);

    /** Adds a version to one of the plugin's works, authored by {@code authorId} (who becomes a co-author). */
    PluginWork addVersion(String pluginId, long workId, String content, String message, long authorId);

    /** One of the plugin's works, with its latest version. */
    Optional<PluginWork> find(String pluginId, long workId);
}
