package org.creativecities.works.collab;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * A {@link ChangeSet}'s JSON form, exactly {@code ChangeSet.toJSON()} of {@code @codemirror/state}: an array whose
 * items are a number (that many characters kept) or an array {@code [deleted, line, line, …]} (that many characters
 * replaced by the lines joined with {@code "\n"}; {@code [n]} deletes {@code n} characters). Reading is strict: the
 * server refuses what CodeMirror could not have produced (negative lengths, line breaks inside a line, half of a
 * surrogate pair), so that every client computes the same text from it.
 */
public final class ChangeSetJson {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private ChangeSetJson() {
    }

    /** Why a JSON value is not a change set; the message is for the client. */
    public static final class InvalidChanges extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidChanges(String message) {
            super(message);
        }
    }

    /**
     * Reads a change set.
     *
     * @throws InvalidChanges when the value is not a change set in CodeMirror's form
     */
    public static ChangeSet fromJson(JsonValue json) {
        if (json == null || json.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidChanges("'changes' is an array of kept lengths and [deleted, ...inserted lines].");
        }
        JsonArray parts = json.asJsonArray();
        ChangeSets.Builder b = new ChangeSets.Builder();
        long total = 0;
        for (JsonValue part : parts) {
            if (part.getValueType() == JsonValue.ValueType.NUMBER) {
                int len = length(part);
                total += len;
                b.section(len, -1);
            } else if (part.getValueType() == JsonValue.ValueType.ARRAY && !part.asJsonArray().isEmpty()) {
                JsonArray replacement = part.asJsonArray();
                int len = length(replacement.get(0));
                total += len;
                String text = lines(replacement);
                b.section(len, text.length());
                b.insert(text);
            } else {
                throw new InvalidChanges("Each item of 'changes' is a length or [deleted, ...inserted lines].");
            }
            if (total > Integer.MAX_VALUE) {
                throw new InvalidChanges("'changes' covers more text than any document has.");
            }
        }
        return b.build();
    }

    /** The change set in CodeMirror's JSON form. */
    public static JsonArray toJson(ChangeSet changes) {
        int[] sections = changes.sections();
        JsonArrayBuilder parts = JSON.createArrayBuilder();
        for (int i = 0; i < sections.length; i += 2) {
            int len = sections[i];
            int ins = sections[i + 1];
            if (ins < 0) {
                parts.add(len);
            } else {
                JsonArrayBuilder replacement = JSON.createArrayBuilder().add(len);
                if (ins > 0) {
                    for (String line : changes.insertedAt(i >> 1).split("\n", -1)) {
                        replacement.add(line);
                    }
                }
                parts.add(replacement);
            }
        }
        return parts.build();
    }

    private static int length(JsonValue v) {
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new InvalidChanges("Lengths in 'changes' are whole numbers.");
        }
        long n;
        try {
            n = ((JsonNumber) v).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidChanges("A length in 'changes' is out of range.");
        }
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new InvalidChanges("Lengths in 'changes' are between 0 and " + Integer.MAX_VALUE + ".");
        }
        return (int) n;
    }

    /** The inserted lines of {@code [deleted, line, …]} joined with line feeds. */
    private static String lines(JsonArray replacement) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < replacement.size(); i++) {
            JsonValue v = replacement.get(i);
            if (v.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidChanges("Inserted lines in 'changes' are strings.");
            }
            String line = ((JsonString) v).getString();
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new InvalidChanges("An inserted line holds no line break: breaks separate the lines.");
            }
            if (!wellFormed(line)) {
                throw new InvalidChanges("An inserted line is not valid Unicode text (half of a surrogate pair).");
            }
            if (i > 1) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }

    /** No unpaired surrogate (which UTF-8 cannot encode). The JDK's check: clients use this class without the core. */
    private static boolean wellFormed(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }
}
