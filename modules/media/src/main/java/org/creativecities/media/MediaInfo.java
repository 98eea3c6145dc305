package org.creativecities.media;

import java.util.Optional;

/**
 * What another context (works, profiles) may know about a media: enough to check that it may be used, and to show
 * or export it.
 *
 * @param id          the media's id
 * @param url         where it is served, {@code /api/media/<id>}
 * @param ownerId     the account that uploaded it, or null for a plugin's file
 * @param kind        image, audio, video or document
 * @param contentType the media type it is served as
 * @param sizeBytes   its length as served
 * @param sha256      the hash of the served bytes
 * @param fileName    the name it was uploaded under, if any
 * @param alt         its alt text, if any
 * @param altRequired whether it needs alt text before it is published (images do)
 */
public record MediaInfo(String id, String url, Long ownerId, MediaKind kind, String contentType, long sizeBytes,
                        String sha256, Optional<String> fileName, Optional<String> alt, boolean altRequired) {

    /** Whether this account uploaded it. */
    public boolean isUploadedBy(long accountId) {
        return ownerId != null && ownerId == accountId;
    }

    /** Whether it has alt text. */
    public boolean hasAlt() {
        return alt.isPresent();
    }

    /** Whether it may appear in something published: it has alt text, or needs none. */
    public boolean publishable() {
        return !altRequired || hasAlt();
    }

    static MediaInfo of(Media media) {
        return new MediaInfo(media.id(), "/api/media/" + media.id(), media.owner().accountId(), media.kind(),
                media.contentType(), media.sizeBytes(), media.sha256(), media.fileName(), media.alt(),
                media.altRequired());
    }
}
