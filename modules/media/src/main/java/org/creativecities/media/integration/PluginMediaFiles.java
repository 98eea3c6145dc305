package org.creativecities.media.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.creativecities.core.plugin.PluginFileStore;
import org.creativecities.media.Media;
import org.creativecities.media.MediaException;
import org.creativecities.media.MediaIds;
import org.creativecities.media.MediaOwner;
import org.creativecities.media.MediaRepository;
import org.creativecities.media.MediaService;
import org.creativecities.media.upload.UploadService;
import org.creativecities.plugin.api.PluginFile;
import org.creativecities.plugin.api.PluginFileException;

/**
 * Plugins' files in the media store: the same upload path as members' (type from the bytes, per-type limits, image
 * re-encoding, storage by hash), owned by the plugin and counted against its quota. A refusal becomes a
 * {@link PluginFileException} with the message members get, so the plugin can pass it on, and it counts as the
 * sender's bad input, never against the plugin.
 */
@ApplicationScoped
public class PluginMediaFiles implements PluginFileStore {

    @Inject
    private UploadService uploads;

    @Inject
    private MediaRepository repository;

    @Inject
    private MediaService media;

    @Override
    public PluginFile store(String pluginId, String fileName, String declaredType, InputStream content) {
        try {
            return view(uploads.upload(MediaOwner.plugin(pluginId), declaredType, fileName, -1, content), pluginId);
        } catch (MediaException e) {
            throw new PluginFileException(reason(e.status()), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("The media store could not take the file", e);
        }
    }

    @Override
    public Optional<PluginFile> find(String pluginId, String mediaId) {
        return (MediaIds.isWellFormed(mediaId) ? repository.find(mediaId) : Optional.<Media>empty())
                .map(m -> view(m, pluginId));
    }

    @Override
    public boolean delete(String pluginId, String mediaId) {
        try {
            return media.deleteOwned(MediaOwner.plugin(pluginId), mediaId);
        } catch (IOException e) {
            throw new UncheckedIOException("The media store could not delete the file", e);
        }
    }

    private static PluginFile view(Media m, String pluginId) {
        return new PluginFile(m.id(), m.kind().key(), m.contentType(), m.sizeBytes(), m.fileName().orElse(null),
                "/api/media/" + m.id(), pluginId.equals(m.owner().pluginId()));
    }

    private static PluginFileException.Reason reason(int status) {
        return switch (status) {
            case 413 -> PluginFileException.Reason.TOO_LARGE;
            case 507 -> PluginFileException.Reason.QUOTA;
            case 429 -> PluginFileException.Reason.RATE;
            case 415, 422 -> PluginFileException.Reason.TYPE;
            default -> PluginFileException.Reason.EMPTY;
        };
    }
}
