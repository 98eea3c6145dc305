package org.creativecities.media;

import java.util.Locale;

/** The four families of media, each with its own size limit ({@code ccc.media.max-bytes.<kind>}). */
public enum MediaKind {
    IMAGE("Images"),
    AUDIO("Audio files"),
    VIDEO("Videos"),
    DOCUMENT("PDF documents");

    private final String plural;

    MediaKind(String plural) {
        this.plural = plural;
    }

    /** The lower-case name used in config keys and in the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a sentence names files of this kind, e.g. "Images may be at most 10 MB". */
    public String plural() {
        return plural;
    }
}
