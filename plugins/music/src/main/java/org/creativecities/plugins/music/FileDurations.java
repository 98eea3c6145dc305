package org.creativecities.plugins.music;

import java.util.OptionalLong;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageScope;

/**
 * The lengths of the audio files uploaded through the plugin, as measured from their bytes ({@link WavDuration}),
 * kept in the plugin's network-wide storage under {@code file/<mediaId>}, so that a track added from an upload
 * takes its length from the file rather than from what the adder says.
 */
final class FileDurations {

    private final PluginStorage storage;

    FileDurations(PluginStorage storage) {
        this.storage = storage;
    }

    void record(String mediaId, long durationMs) {
        storage.put(StorageScope.global(), key(mediaId), Long.toString(durationMs));
    }

    OptionalLong find(String mediaId) {
        return storage.get(StorageScope.global(), key(mediaId)).map(e -> OptionalLong.of(Long.parseLong(e.value())))
                .orElse(OptionalLong.empty());
    }

    private static String key(String mediaId) {
        return "file/" + mediaId;
    }
}
