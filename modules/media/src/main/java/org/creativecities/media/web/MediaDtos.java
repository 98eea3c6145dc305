package org.creativecities.media.web;

import java.time.OffsetDateTime;
import java.util.List;
import org.creativecities.media.Media;

/** The bodies of the media API. */
public final class MediaDtos {

    private MediaDtos() {
    }

    /**
     * An uploaded file as its owner and others see it.
     *
     * @param altRequired whether it needs alt text before it can be used in something published (images do)
     * @param hasAlt      whether it has alt text
     * @param thumbnails  an image's narrower copies, served at {@code url?w=<width>}
     */
    public record MediaView(String id, String url, String kind, String contentType, long size, Integer width,
                            Integer height, String fileName, String alt, boolean altRequired, boolean hasAlt,
                            Long ownerId, OffsetDateTime createdAt, List<ThumbnailView> thumbnails) {

        static MediaView of(Media m) {
            String url = "/api/media/" + m.id();
            return new MediaView(m.id(), url, m.kind().key(), m.contentType(), m.sizeBytes(), m.width().orElse(null),
                    m.height().orElse(null), m.fileName().orElse(null), m.alt().orElse(null), m.altRequired(),
                    m.alt().isPresent(), m.owner().accountId(), m.createdAt(), m.variants().stream()
                    .map(v -> new ThumbnailView(v.width(), v.height(), url + "?w=" + v.width())).toList());
        }
    }

    /** One thumbnail. */
    public record ThumbnailView(int width, int height, String url) {
    }

    /** A change of a media's description. */
    public record MediaUpdate(String alt) {
    }
}
