package org.creativecities.media;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One thumbnail of an image: a narrower copy, stored under its own hash. */
@Embeddable
public class MediaVariant {

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    protected MediaVariant() {
    }

    MediaVariant(StoredFile.Thumbnail thumbnail) {
        this.width = thumbnail.width();
        this.height = thumbnail.height();
        this.contentType = thumbnail.contentType();
        this.sizeBytes = thumbnail.size();
        this.sha256 = thumbnail.sha256();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }
}
