package org.creativecities.plugin.api;

/**
 * A file in the core's media store, as a plugin sees it (since API 1.3).
 *
 * @param id          the media id (22 URL-safe characters)
 * @param kind        {@code image}, {@code audio}, {@code video} or {@code document}
 * @param contentType its media type as recognised from its bytes, e.g. {@code audio/mpeg}
 * @param sizeBytes   its size as stored
 * @param fileName    the name it was given, or null
 * @param url         where it is served, e.g. {@code /api/media/q3HkT0V9bq2nJ7W1x4m5sA}
 * @param ownFile     whether it is the plugin's own file (stored with {@link PluginFiles#store}), rather than a
 *                    member's upload
 * @since 1.3.0
 */
public record PluginFile(String id, String kind, String contentType, long sizeBytes, String fileName, String url,
                         boolean ownFile) {
}
