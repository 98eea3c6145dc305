package org.creativecities.works.collab;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.creativecities.core.live.LiveText;

/** Reads the fields of a {@code doc.*} frame; a missing or mistyped field is a {@code bad-frame}. */
final class DocFrameReader {

    private DocFrameReader() {
    }

    /** A string field, or null when absent; refused when not a string or not valid Unicode text. */
    static String optionalString(JsonObject f, String name) {
        JsonValue v = f.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new CollabException(CollabException.BAD_FRAME, "'" + name + "' must be a string.");
        }
        String value = ((JsonString) v).getString();
        if (!LiveText.isWellFormed(value)) {
            throw new CollabException(CollabException.BAD_FRAME, "'" + name + "' is not valid Unicode text.");
        }
        return value;
    }

    /** An integer field, or null when absent. */
    static Long optionalLong(JsonObject f, String name) {
        JsonValue v = f.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new CollabException(CollabException.BAD_FRAME, "'" + name + "' must be an integer.");
        }
        try {
            return ((JsonNumber) v).longValueExact();
        } catch (ArithmeticException e) {
            throw new CollabException(CollabException.BAD_FRAME, "'" + name + "' is out of range.");
        }
    }

    /** A version of a document, or null when absent: an integer, 0 or more. */
    static Long optionalVersion(JsonObject f, String name) {
        Long v = optionalLong(f, name);
        if (v != null && v < 0) {
            throw new CollabException(CollabException.BAD_FRAME, "'" + name + "' is a version of the document: 0 or "
                    + "more.");
        }
        return v;
    }

    static long requiredVersion(JsonObject f, String name) {
        Long v = optionalVersion(f, name);
        if (v == null) {
            throw new CollabException(CollabException.BAD_FRAME, "Missing '" + name + "'.");
        }
        return v;
    }

    static long requiredLong(JsonObject f, String name) {
        Long v = optionalLong(f, name);
        if (v == null) {
            throw new CollabException(CollabException.BAD_FRAME, "Missing '" + name + "'.");
        }
        return v;
    }
}
