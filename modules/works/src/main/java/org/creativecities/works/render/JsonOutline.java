package org.creativecities.works.render;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A plugin kind's JSON content as people and the search read it, without the plugin: a Markdown outline (each
 * member a list item, nested as the JSON is) for the exports and the public page, and its plain words for the
 * index. Every string from the content is escaped for Markdown, so it can only ever be text.
 */
public final class JsonOutline {

    /** How deep the outline goes; deeper parts are summarised. */
    static final int MAX_DEPTH = 12;

    private JsonOutline() {
    }

    /** The content as a nested Markdown list. */
    public static String markdown(JsonValue content) {
        StringBuilder md = new StringBuilder();
        outline(content, 0, md);
        return md.toString();
    }

    /** Every string and number in the content, one per line, for the search index. */
    public static String plainText(JsonValue content) {
        StringBuilder text = new StringBuilder();
        words(content, 0, text);
        return text.toString();
    }

    private static void outline(JsonValue value, int depth, StringBuilder md) {
        String indent = "  ".repeat(depth);
        if (value instanceof JsonObject object) {
            object.forEach((key, member) -> {
                md.append(indent).append("- **").append(escape(label(key))).append("**");
                member(member, depth, md);
            });
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                md.append(indent).append("- ").append(i + 1).append('.');
                member(array.get(i), depth, md);
            }
        } else {
            md.append(indent).append("- ").append(scalar(value)).append('\n');
        }
    }

    private static void member(JsonValue member, int depth, StringBuilder md) {
        if (member instanceof JsonObject || member instanceof JsonArray) {
            md.append('\n');
            if (depth + 1 >= MAX_DEPTH) {
                md.append("  ".repeat(depth + 1)).append("- …\n");
            } else {
                outline(member, depth + 1, md);
            }
        } else {
            md.append(": ").append(scalar(member)).append('\n');
        }
    }

    private static void words(JsonValue value, int depth, StringBuilder text) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof JsonObject object) {
            object.values().forEach(v -> words(v, depth + 1, text));
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> words(v, depth + 1, text));
        } else if (value instanceof JsonString s) {
            text.append(s.getString()).append('\n');
        } else if (value instanceof JsonNumber n) {
            text.append(n).append('\n');
        }
    }

    private static String scalar(JsonValue value) {
        if (value instanceof JsonString s) {
            return escape(s.getString().replace('\n', ' '));
        }
        return escape(value.toString());
    }

    /** A key as a label: {@code servingSize} and {@code serving_size} read "serving size". */
    static String label(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Markdown's inline special characters, backslash-escaped, so that the text stays text (it never starts a
     * line here: block markers need no escaping).
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
