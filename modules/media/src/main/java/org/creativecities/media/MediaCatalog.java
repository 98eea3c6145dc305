package org.creativecities.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.creativecities.media.store.MediaStore;

/**
 * The media context's service for other contexts (works, profiles): look a media up by id, check whether it may be
 * published ({@link MediaInfo#publishable()}: an image needs alt text), and read its bytes (for an export). It never
 * checks who is asking: the caller's context decides who may use what (typically, only media its author owns).
 */
@ApplicationScoped
public class MediaCatalog {

    @Inject
    private MediaRepository repository;

    @Inject
    private MediaStore store;

    /** The media with this id, if there is one. */
    public Optional<MediaInfo> find(String id) {
        return MediaIds.isWellFormed(id) ? repository.find(id).map(MediaInfo::of) : Optional.empty();
    }

    /** The served bytes of the media with this id, if there is one; the caller closes the stream. */
    public Optional<InputStream> open(String id) throws IOException {
        Optional<MediaInfo> info = find(id);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.open(info.get().sha256(), 0, info.get().sizeBytes()));
    }
}
