package org.creativecities.media;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The types an upload may have, each with the media type it is served as, the names clients commonly declare it by,
 * and the words a refusal uses for it.
 */
public enum AllowedType {
    JPEG("image/jpeg", "a JPEG image", MediaKind.IMAGE, "image/jpg", "image/pjpeg"),
    PNG("image/png", "a PNG image", MediaKind.IMAGE, "image/x-png"),
    WEBP("image/webp", "a WebP image", MediaKind.IMAGE),
    GIF("image/gif", "a GIF image", MediaKind.IMAGE),
    MP3("audio/mpeg", "an MP3 audio file", MediaKind.AUDIO, "audio/mp3", "audio/mpeg3", "audio/x-mpeg"),
    OGG("audio/ogg", "an Ogg audio file", MediaKind.AUDIO, "application/ogg", "audio/vorbis", "audio/opus",
            "audio/x-ogg"),
    WAV("audio/wav", "a WAV audio file", MediaKind.AUDIO, "audio/x-wav", "audio/wave", "audio/vnd.wave"),
    MP4("video/mp4", "an MP4 video", MediaKind.VIDEO),
    WEBM("video/webm", "a WebM video", MediaKind.VIDEO),
    PDF("application/pdf", "a PDF document", MediaKind.DOCUMENT, "application/x-pdf");

    private final String mediaType;
    private final String description;
    private final MediaKind kind;
    private final List<String> aliases;

    AllowedType(String mediaType, String description, MediaKind kind, String... aliases) {
        this.mediaType = mediaType;
        this.description = description;
        this.kind = kind;
        this.aliases = List.of(aliases);
    }

    /** The media type it is served as. */
    public String mediaType() {
        return mediaType;
    }

    /** "a PNG image": how a sentence names a file of this type. */
    public String description() {
        return description;
    }

    public MediaKind kind() {
        return kind;
    }

    /**
     * The allowed type a declared or detected media type names, ignoring case and parameters.
     *
     * @param mediaType e.g. {@code image/jpeg; charset=x} or {@code audio/x-wav}
     */
    public static Optional<AllowedType> of(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        int semicolon = mediaType.indexOf(';');
        String bare = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare) || t.aliases.contains(bare)).findFirst();
    }

    /** The served media types, for messages that list what is accepted. */
    public static String list() {
        return String.join(", ", Arrays.stream(values()).map(AllowedType::mediaType).toList());
    }
}
