package org.creativecities.plugin.api;

import java.io.InputStream;
import java.util.Optional;

/**
 * Files through the core's media store (since API 1.3), from {@link ModuleContext#files()}; needs
 * {@link Permission#FILES}. Everything members' uploads go through applies: the type is recognised from the bytes
 * (images, audio, video and PDF only; a declared type that the bytes contradict is refused), each type has its size
 * limit, images are re-encoded without their metadata, identical files are stored once, and every file is served at
 * its {@link PluginFile#url()} with the right headers. The plugin's files count against the plugin's own quota
 * (administrators set it: {@code ccc.media.quota-per-plugin}), never against a member's.
 *
 * <p>Thread-safe; every call runs its own short transaction. Calls may block on disk for the file's size: call them
 * from a contribution's thread (an HTTP route, a room action), never while holding a lock of your own.
 *
 * @since 1.3.0
 */
public interface PluginFiles {

    /**
     * Stores a file for the plugin.
     *
     * @param fileName     the file's name as people will see it when downloading it; may be null
     * @param declaredType the media type the caller says it is, e.g. {@code audio/mpeg}
     * @param content      the bytes; read to the end (up to the type's limit), not closed
     * @return the stored file
     * @throws PluginFileException when the file is refused; its message says why, for the person who sent it
     */
    PluginFile store(String fileName, String declaredType, InputStream content);

    /**
     * Looks up a media by its id: one of the plugin's own files, or one a member uploaded (so that a member can add
     * their upload to a listening queue by its id). Only its description, never its bytes: the browser fetches
     * those from {@link PluginFile#url()}, where the core checks who may.
     */
    Optional<PluginFile> find(String mediaId);

    /**
     * Deletes one of the plugin's own files; a file of a member's is never the plugin's to delete.
     *
     * @return whether a file of the plugin's was deleted
     */
    boolean delete(String mediaId);
}
