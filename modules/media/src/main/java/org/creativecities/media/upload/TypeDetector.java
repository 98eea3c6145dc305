package org.creativecities.media.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.creativecities.media.AllowedType;

/**
 * Recognises a file's type from its bytes alone, with Apache Tika core's magic (its file name and declared type are
 * never consulted: the metadata handed to Tika is empty). Tika core alone names ISO media files by their first brand
 * only ({@code video/quicktime}) and WebM as Matroska, since the container detectors that look further live in Tika's
 * parser modules; so those two containers are told apart here, from their headers.
 */
public final class TypeDetector {

    /** What a file is. */
    public record Detected(String mediaType, Optional<AllowedType> allowed) {
    }

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    /** Enough of the head for the containers' headers. */
    private static final int HEAD = 64;

    private TypeDetector() {
    }

    public static Detected detect(Path file) throws IOException {
        String tika;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            tika = MIME_TYPES.detect(in, new Metadata()).getBaseType().toString();
        }
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, HEAD);
        }
        String type = switch (tika) {
            case "video/quicktime", "video/mp4", "audio/mp4", "video/x-m4v" -> isoMedia(head, n);
            case "application/x-matroska", "video/x-matroska", "video/webm", "audio/webm" -> matroska(head, n);
            default -> tika;
        };
        return new Detected(type, AllowedType.of(type));
    }

    /**
     * An ISO base media file by its major brand: QuickTime ({@code qt  }), MPEG-4 audio ({@code M4A }, {@code M4B })
     * or, for the brands of MPEG-4 video files, {@code video/mp4}.
     */
    static String isoMedia(byte[] head, int n) {
        if (n < 12 || !"ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
            return "video/quicktime";
        }
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B ", "M4P " -> "audio/mp4";
            default -> "video/mp4";
        };
    }

    /** A Matroska file whose EBML header names the DocType {@code webm} is WebM. */
    static String matroska(byte[] head, int n) {
        for (int i = 0; i + 7 <= n; i++) {
            // DocType element (0x4282), a one-byte size of 4 (0x84), then the text.
            if ((head[i] & 0xff) == 0x42 && (head[i + 1] & 0xff) == 0x82 && (head[i + 2] & 0xff) == 0x84) {
                String docType = new String(head, i + 3, 4, StandardCharsets.ISO_8859_1);
                return "webm".equals(docType) ? "video/webm" : "video/x-matroska";
            }
        }
        return "video/x-matroska";
    }
}
