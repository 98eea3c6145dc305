package org.creativecities.core.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Writes a JSON value as block-style YAML, for the OpenAPI document's YAML answer once the plugins' paths are merged
 * into it. Every key and string is double-quoted with YAML's escapes, so no text can be read back as another type
 * or break the structure; numbers, booleans and null are written as they are, empty containers as {@code {}} and
 * {@code []}.
 */
final class YamlText {

    private static final int STEP = 2;

    private YamlText() {
    }

    static String of(JsonValue value) {
        StringBuilder out = new StringBuilder();
        if (isEmptyOrScalar(value)) {
            out.append(scalar(value)).append('\n');
        } else {
            block(value, 0, out);
        }
        return out.toString();
    }

    private static void block(JsonValue value, int indent, StringBuilder out) {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                out.append(" ".repeat(indent)).append(quoted(e.getKey())).append(':');
                child(e.getValue(), indent, out);
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                out.append(" ".repeat(indent)).append('-');
                child(item, indent, out);
            }
        }
    }

    private static void child(JsonValue value, int indent, StringBuilder out) {
        if (isEmptyOrScalar(value)) {
            out.append(' ').append(scalar(value)).append('\n');
        } else {
            out.append('\n');
            block(value, indent + STEP, out);
        }
    }

    private static boolean isEmptyOrScalar(JsonValue value) {
        return value instanceof JsonObject o ? o.isEmpty() : !(value instanceof JsonArray a) || a.isEmpty();
    }

    private static String scalar(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "{}";
            case ARRAY -> "[]";
            case STRING -> quoted(((JsonString) value).getString());
            default -> value.toString();
        };
    }

    /** A YAML double-quoted scalar: quotes, backslashes, and every control or line-breaking character escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
