package org.creativecities.works.domain;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media a work uses, each with where it is used: its cover ({@code cover}), a collection's items
 * ({@code content.items[i].media}) and the images and links of a text work's Markdown that point at this platform's
 * media ({@code /api/media/<id>}, field {@code content}).
 */
public final class MediaRefs {

    /** A media URL of this platform, with an optional thumbnail width; group 1 is the media id. */
    public static final Pattern MEDIA_URL = Pattern.compile("/api/media/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])"
            + "(?:\\?w=[0-9]{1,5})?");

    /** One use of a media: where (a field, as an API client names it) and which media. */
    public record Ref(String field, String mediaId) {

        /** Whether it is a URL in a text work's Markdown (rather than a cover or a collection item). */
        public boolean inMarkdown() {
            return "content".equals(field);
        }
    }

    private MediaRefs() {
    }

    /** The media of a cover and a version's stored content (Markdown, or a collection's JSON). */
    public static List<Ref> of(Optional<String> cover, String format, String content) {
        List<Ref> refs = new ArrayList<>();
        cover.ifPresent(id -> refs.add(new Ref("cover", id)));
        if (WorkVersion.MARKDOWN.equals(format)) {
            Matcher m = MEDIA_URL.matcher(content);
            while (m.find()) {
                refs.add(new Ref("content", m.group(1)));
            }
            return refs;
        }
        JsonValue json;
        try (var reader = Json.createReader(new StringReader(content))) {
            json = reader.readValue();
        }
        if (json instanceof JsonObject o && o.get("items") instanceof JsonArray items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof JsonObject item && item.get("media") instanceof JsonString id) {
                    refs.add(new Ref("content.items[" + i + "].media", id.getString()));
                }
            }
        }
        return refs;
    }

    /** The distinct media ids of some uses, in order of first use. */
    public static Set<String> ids(List<Ref> refs) {
        Set<String> ids = new LinkedHashSet<>();
        refs.forEach(r -> ids.add(r.mediaId()));
        return ids;
    }
}
