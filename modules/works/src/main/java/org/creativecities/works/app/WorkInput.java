package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.creativecities.core.plugin.PluginWorkKinds;
import org.creativecities.works.WorksException;
import org.creativecities.works.domain.Licence;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkVersion;

/** Checks what a client sends about a work and turns it into the stored form; each refusal names its field. */
@ApplicationScoped
public class WorkInput {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_TEXT = 1_000_000;
    public static final int MAX_ITEMS = 1000;
    /** The most characters of a plugin kind's JSON content. */
    public static final int MAX_STRUCTURED = 256 * 1024;
    public static final int MAX_MESSAGE = 500;
    private static final int MAX_FIELDS = 8;
    private static final int MAX_CITIES = 20;
    private static final int MAX_LANGUAGES = 10;
    private static final int MAX_TAGS = 20;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,63}");

    @Inject
    private People people;

    @Inject
    private PluginWorkKinds pluginKinds;

    /** A new work's kind: a core kind, or the kind of a running plugin (see {@code GET /api/works/kinds}). */
    public String kind(String kind) {
        String k = kind == null ? Work.TEXT : kind.trim();
        if (k.equals(Work.TEXT) || k.equals(Work.COLLECTION)
                || PluginWorkKinds.isPluginKind(k) && pluginKinds.find(k).isPresent()) {
            return k;
        }
        throw WorksException.invalid("kind", "Unknown kind '" + shortened(k) + "': 'text', 'collection' or a kind "
                + "that a running plugin provides (GET /api/works/kinds lists them).");
    }

    public String title(String title) {
        if (title == null || title.isBlank()) {
            throw WorksException.invalid("title", "A title is required.");
        }
        String t = title.strip();
        if (t.length() > MAX_TITLE) {
            throw WorksException.invalid("title", "At most " + MAX_TITLE + " characters (got " + t.length() + ").");
        }
        return t;
    }

    public String summary(String summary) {
        if (summary == null || summary.isBlank()) {
            return null;
        }
        String s = summary.strip();
        if (s.length() > MAX_SUMMARY) {
            throw WorksException.invalid("summary", "At most " + MAX_SUMMARY + " characters.");
        }
        return s;
    }

    public String message(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        if (message.strip().length() > MAX_MESSAGE) {
            throw WorksException.invalid("message", "At most " + MAX_MESSAGE + " characters.");
        }
        return message.strip();
    }

    public Licence licence(String field, String id) {
        return Licence.of(id).orElseThrow(() -> WorksException.invalid(field, "Unknown licence '" + shortened(id)
                + "': use " + Licence.accepted() + "."));
    }

    /**
     * Refuses content that no kind takes (neither a string nor a JSON object), before anything is read about the
     * work: a malformed body is bad input whoever sends it.
     */
    public void contentShape(JsonValue content) {
        if (content == null || content == JsonValue.NULL || content instanceof JsonString
                || content instanceof JsonObject) {
            return;
        }
        throw WorksException.invalid("content", "Content is a string of Markdown (a text work), "
                + "{\"items\": [...]} (a collection) or the JSON object of a plugin's kind.");
    }

    /** The stored content of a work of this kind; empty text or collection when none is given. */
    public String content(String kind, JsonValue content) {
        if (PluginWorkKinds.isPluginKind(kind)) {
            return structured(kind, content);
        }
        if (Work.TEXT.equals(kind)) {
            if (content == null || content == JsonValue.NULL) {
                return "";
            }
            if (!(content instanceof JsonString s)) {
                throw WorksException.invalid("content", "A text work's content is a string of Markdown.");
            }
            if (s.getString().length() > MAX_TEXT) {
                throw WorksException.invalid("content", "At most " + MAX_TEXT + " characters.");
            }
            return s.getString();
        }
        if (content == null || content == JsonValue.NULL) {
            return Json.createObjectBuilder().add("items", Json.createArrayBuilder()).build().toString();
        }
        if (!(content instanceof JsonObject o) || !(o.get("items") instanceof JsonArray items) || o.size() != 1) {
            throw WorksException.invalid("content", "A collection's content is {\"items\": [...]}, each item "
                    + "{\"work\": id} or {\"media\": \"id\"}.");
        }
        if (items.size() > MAX_ITEMS) {
            throw WorksException.invalid("content.items", "At most " + MAX_ITEMS + " items.");
        }
        JsonArrayBuilder normalised = Json.createArrayBuilder();
        for (int i = 0; i < items.size(); i++) {
            String at = "content.items[" + i + "]";
            if (!(items.get(i) instanceof JsonObject item) || item.size() != 1
                    || !(item.containsKey("work") || item.containsKey("media"))) {
                throw WorksException.invalid(at, "Each item is {\"work\": id} or {\"media\": \"id\"}.");
            }
            if (item.containsKey("work")) {
                if (!(item.get("work") instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1) {
                    throw WorksException.invalid(at + ".work", "A work's id, a positive integer.");
                }
                normalised.add(Json.createObjectBuilder().add("work", n.longValue()));
            } else {
                String field = at + ".media";
                if (!(item.get("media") instanceof JsonString id)) {
                    throw WorksException.invalid(field, "A media id, a string such as POST /api/media returns.");
                }
                String mediaId = WorkMedia.wellFormed(field, id.getString())
                        .orElseThrow(() -> WorksException.invalid(field, "A media id is required."));
                normalised.add(Json.createObjectBuilder().add("media", mediaId));
            }
        }
        return Json.createObjectBuilder().add("items", normalised).build().toString();
    }

    /**
     * A plugin kind's content: a JSON object of at most {@link #MAX_STRUCTURED} characters that conforms to the
     * kind's JSON Schema. Every reason the schema gives is a field error, named by its JSON Pointer.
     */
    private String structured(String kind, JsonValue content) {
        if (!(content instanceof JsonObject object)) {
            throw WorksException.invalid("content", "A '" + kind + "' work's content is a JSON object; its kind's "
                    + "schema says what it holds (GET /api/works/kinds).");
        }
        String text = object.toString();
        if (text.length() > MAX_STRUCTURED) {
            throw WorksException.invalid("content", "At most " + MAX_STRUCTURED + " characters of JSON.");
        }
        List<PluginWorkKinds.Violation> violations;
        try {
            violations = pluginKinds.check(kind, object);
        } catch (PluginWorkKinds.KindNotRunning e) {
            throw WorksException.conflict("Kind not available", "The plugin that provides the kind '" + kind
                    + "' is not running: its works can be read, but not created or changed until an administrator "
                    + "starts it again.");
        }
        if (!violations.isEmpty()) {
            List<WorksException.FieldError> errors = violations.stream()
                    .map(v -> new WorksException.FieldError("content" + v.pointer(), v.message())).toList();
            throw new WorksException(400, "Invalid input", "content: it does not match the '" + kind
                    + "' schema: " + errors.get(0).field() + ": " + errors.get(0).message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), errors);
        }
        return text;
    }

    /** A version's content as the API shows it: the Markdown string, or the JSON document. */
    public static JsonValue shown(WorkVersion version) {
        if (WorkVersion.MARKDOWN.equals(version.format())) {
            return Json.createValue(version.content());
        }
        try (var reader = Json.createReader(new StringReader(version.content()))) {
            return reader.readValue();
        }
    }

    public Set<Long> fields(List<String> slugs) {
        if (slugs == null) {
            return null;
        }
        if (slugs.size() > MAX_FIELDS) {
            throw WorksException.invalid("fields", "At most " + MAX_FIELDS + " fields.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String slug : slugs) {
            ids.add(people.fieldSlug("fields", slug == null ? "" : shortened(slug.trim())).id());
        }
        return ids;
    }

    public Set<Long> cities(List<String> slugs) {
        if (slugs == null) {
            return null;
        }
        if (slugs.size() > MAX_CITIES) {
            throw WorksException.invalid("cities", "At most " + MAX_CITIES + " cities.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String slug : slugs) {
            ids.add(people.citySlug("cities", slug == null ? "" : shortened(slug.trim())).id());
        }
        return ids;
    }

    public Set<String> languages(List<String> tags) {
        if (tags == null) {
            return null;
        }
        if (tags.size() > MAX_LANGUAGES) {
            throw WorksException.invalid("languages", "At most " + MAX_LANGUAGES + " languages.");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || !LANGUAGE.matcher(tag.trim()).matches()) {
                throw WorksException.invalid("languages", "'" + shortened(String.valueOf(tag))
                        + "' is not a language tag such as 'en' or 'pt-BR'.");
            }
            out.add(tag.trim());
        }
        return out;
    }

    public Set<String> tags(List<String> tags) {
        if (tags == null) {
            return null;
        }
        if (tags.size() > MAX_TAGS) {
            throw WorksException.invalid("tags", "At most " + MAX_TAGS + " tags.");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag.trim()).matches()) {
                throw WorksException.invalid("tags", "A tag is 1 to 64 letters, digits, spaces, '-' or '_'.");
            }
            out.add(tag.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** A cover as given: a well-formed media id, or empty (none) for a blank one. */
    public Optional<String> cover(String id) {
        return WorkMedia.wellFormed("cover", id);
    }

    static String shortened(String text) {
        return text == null || text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
