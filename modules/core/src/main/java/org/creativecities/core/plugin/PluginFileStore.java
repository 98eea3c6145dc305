package org.creativecities.core.plugin;

import java.io.InputStream;
import java.util.Optional;
import org.creativecities.plugin.api.PluginFile;
import org.creativecities.plugin.api.PluginFileException;

/**
 * The media store as plugins use it (plugin API 1.3, {@link org.creativecities.plugin.api.PluginFiles}): a port the
 * plugin host owns and the media context implements, so that the core never depends on media. Without an
 * implementation (a build without the media context) {@code ModuleContext.files()} is unsupported.
 */
public interface PluginFileStore {

    /**
     * Stores a file owned by the plugin, under the plugin's quota, with the checks of every upload.
     *
     * @throws PluginFileException when the file is refused
     */
    PluginFile store(String pluginId, String fileName, String declaredType, InputStream content);

    /** A media's description: the plugin's own file, or a member's upload. */
    Optional<PluginFile> find(String pluginId, String mediaId);

    /** Deletes one of the plugin's own files; whether there was one. */
    boolean delete(String pluginId, String mediaId);
}
