package org.creativecities.media.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.creativecities.media.Media;
import org.creativecities.media.MediaConfig;
import org.creativecities.media.MediaException;
import org.creativecities.media.MediaKind;
import org.creativecities.media.MediaVariant;
import org.creativecities.media.store.MediaStore;

/**
 * Answers a read of a media's bytes: the right {@code Content-Type}, {@code nosniff}, a strong {@code ETag} (the
 * content hash) with a year's {@code immutable} caching (a media id's bytes never change), a single byte range
 * ({@code 206}, or {@code 416} outside the file), and {@code Content-Disposition}: {@code inline} for images, audio
 * and video, which browsers show in the page, {@code attachment} for PDF, which would otherwise open as a document of
 * this site. A sandboxing {@code Content-Security-Policy} keeps a file opened on its own from running anything.
 */
@ApplicationScoped
public class MediaDownloads {

    /** Served files never change under their id. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String SANDBOX = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; "
            + "sandbox";

    @Inject
    private MediaStore store;

    @Inject
    private MediaConfig config;

    /**
     * The answer to a read.
     *
     * @param width       a thumbnail width ({@code ?w=}), or {@code null} for the file itself
     * @param range       the {@code Range} header, or {@code null}
     * @param ifRange     the {@code If-Range} header, or {@code null}
     * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
     */
    public Response serve(Media media, Integer width, String range, String ifRange, String ifNoneMatch) {
        String hash = media.sha256();
        String type = media.contentType();
        long size = media.sizeBytes();
        if (width != null) {
            MediaVariant variant = variant(media, width).orElse(null);
            if (variant != null) {
                hash = variant.sha256();
                type = variant.contentType();
                size = variant.sizeBytes();
            }
        }
        String etag = "\"" + hash + "\"";
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", CACHE_CONTROL).build();
        }
        boolean rangeApplies = ifRange == null || ifRange.strip().equals(etag);
        Optional<ByteRange> bytes = rangeApplies ? ByteRange.parse(range, size) : Optional.empty();
        long first = bytes.map(ByteRange::first).orElse(0L);
        long length = bytes.map(ByteRange::length).orElse(size);
        String key = hash;
        StreamingOutput body = out -> {
            try (InputStream in = store.open(key, first, length)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder answer = bytes.isPresent()
                ? Response.status(206).header("Content-Range", bytes.get().contentRange(size))
                : Response.ok();
        return answer.entity(body).type(type)
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("ETag", etag)
                .header("Cache-Control", CACHE_CONTROL)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header("Content-Disposition", disposition(media))
                .build();
    }

    /** The thumbnail of that width; 400 for a width that is not a thumbnail width, or for media that is no image. */
    private Optional<MediaVariant> variant(Media media, int width) {
        if (!config.thumbnailWidths().contains(width)) {
            throw MediaException.badRequest("w must be one of the thumbnail widths: "
                    + String.join(", ", config.thumbnailWidths().stream().map(String::valueOf).toList()) + ".");
        }
        if (media.kind() != MediaKind.IMAGE) {
            throw MediaException.badRequest("Only images have thumbnails: leave out w.");
        }
        // An image no wider than the width has no such thumbnail: the image itself is served, never upscaled.
        return media.variants().stream().filter(v -> v.width() == width).findFirst();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                .map(t -> t.strip().replaceFirst("^W/", "")).anyMatch(etag::equals);
    }

    /** Inline for what a page shows (images, audio, video); attachment for the rest (PDF). */
    static String disposition(Media media) {
        boolean inline = media.kind() != MediaKind.DOCUMENT;
        // The served type's extension: a GIF served as PNG after re-encoding is saved as .png.
        String base = media.fileName().map(n -> n.lastIndexOf('.') > 0 ? n.substring(0, n.lastIndexOf('.')) : n)
                .orElse(media.id());
        String name = base + extension(media.contentType());
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/gif" -> ".gif";
            case "audio/mpeg" -> ".mp3";
            case "audio/ogg" -> ".ogg";
            case "audio/wav" -> ".wav";
            case "video/mp4" -> ".mp4";
            case "video/webm" -> ".webm";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }
}
