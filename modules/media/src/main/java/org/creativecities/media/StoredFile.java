package org.creativecities.media;

import java.util.List;
import java.util.stream.Stream;

/**
 * What an accepted upload became once in the store: its type, the bytes served (re-encoded for an image) and, for an
 * image, its size and thumbnails.
 *
 * @param type        the type recognised from the uploaded bytes
 * @param contentType the media type served (an image may be re-encoded to another type)
 * @param sha256      the hash of the served bytes, their key in the store
 * @param size        the served bytes' length
 * @param width       an image's width in pixels, otherwise {@code null}
 * @param height      an image's height in pixels, otherwise {@code null}
 * @param thumbnails  an image's thumbnails, narrowest first
 */
public record StoredFile(AllowedType type, String contentType, String sha256, long size, Integer width, Integer height,
                         List<Thumbnail> thumbnails) {

    /** One thumbnail in the store. */
    public record Thumbnail(int width, int height, String contentType, String sha256, long size) {
    }

    /** Every hash this file occupies in the store. */
    public List<String> hashes() {
        return Stream.concat(Stream.of(sha256), thumbnails.stream().map(Thumbnail::sha256)).toList();
    }
}
