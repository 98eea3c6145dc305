package org.creativecities.core.platform.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON document from a request body into a tree, refusing, while it reads, anything the API never
 * takes: nesting deeper than the limit (checked before the deeper level is built), a property given twice,
 * numbers with more than {@value #MAX_NUMBER_LENGTH} characters or beyond 10^±{@value #MAX_EXPONENT}, strings
 * with unpaired surrogates or the NUL character (which PostgreSQL refuses in text), bytes that are not valid in the body's charset, and anything after the document.
 * Every refusal is a 400 {@link ProblemException} that names where in the body it happened.
 */
final class JsonTreeReader {

    /** The longest number literal accepted. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** Numbers must lie within 10^-MAX_EXPONENT and 10^MAX_EXPONENT in magnitude (or be zero). */
    static final int MAX_EXPONENT = 100;

    /** Looked up once: every {@code Json.create…} call looks the provider up with a class-path scan. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    private final int maxDepth;

    JsonTreeReader(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** One open object or array, and where it is in the body. */
    private static final class Open {
        final String path;
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> keys = new HashSet<>();
        String key;
        int size;

        Open(String path, boolean isObject) {
            this.path = path;
            this.object = isObject ? JSON.createObjectBuilder() : null;
            this.array = isObject ? null : JSON.createArrayBuilder();
        }

        /** The path of the value that comes next in this container. */
        String child() {
            return object != null ? JsonPaths.property(path, key) : JsonPaths.element(path, size);
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
            }
            size++;
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    /** Reads the whole body: exactly one JSON value, then nothing but white space. */
    JsonValue read(InputStream body, Charset charset) {
        Reader reader = new InputStreamReader(body, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (JsonParser parser = PARSERS.createParser(reader)) {
            if (!parser.hasNext()) {
                throw malformed(JsonPaths.ROOT, "The body is empty; this operation needs a JSON document.");
            }
            JsonValue root = readValue(parser);
            if (parser.hasNext()) {
                throw malformed(JsonPaths.ROOT, "Only one JSON document may be sent; there is more after it.");
            }
            return root;
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw malformed(JsonPaths.ROOT, "The body is not valid JSON" + where + ".");
        } catch (JsonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw malformed(JsonPaths.ROOT, "The body is not valid " + charset.name() + " text.");
            }
            throw malformed(JsonPaths.ROOT, "The body could not be read as JSON.");
        }
    }

    private JsonValue readValue(JsonParser parser) {
        Deque<Open> open = new ArrayDeque<>();
        String path = JsonPaths.ROOT;
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            Open top = open.peek();
            if (top != null && event != JsonParser.Event.KEY_NAME) {
                path = top.child();
            }
            JsonValue value;
            switch (event) {
                case KEY_NAME -> {
                    String key = parser.getString();
                    top.key = key;
                    if (!top.keys.add(key)) {
                        throw invalid(JsonPaths.property(top.path, key), "given more than once");
                    }
                    continue;
                }
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= maxDepth) {
                        throw malformed(path, "The body is nested deeper than " + maxDepth + " levels.");
                    }
                    open.push(new Open(path, event == JsonParser.Event.START_OBJECT));
                    continue;
                }
                case END_OBJECT, END_ARRAY -> value = open.pop().build();
                case VALUE_STRING -> value = JSON.createValue(text(parser.getString(), path));
                case VALUE_NUMBER -> value = JSON.createValue(number(parser, path));
                case VALUE_TRUE -> value = JsonValue.TRUE;
                case VALUE_FALSE -> value = JsonValue.FALSE;
                case VALUE_NULL -> value = JsonValue.NULL;
                default -> throw malformed(path, "The body is not valid JSON.");
            }
            if (open.isEmpty()) {
                return value;
            }
            open.peek().add(value);
        }
        throw malformed(JsonPaths.ROOT, "The body ends before its JSON document does.");
    }

    private static String text(String s, String path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(path, "not valid Unicode text (an unpaired surrogate)");
            } else if (c == 0) {
                throw invalid(path, "must not hold the NUL character (U+0000)");
            }
        }
        return s;
    }

    private static BigDecimal number(JsonParser parser, String path) {
        if (parser.getString().length() > MAX_NUMBER_LENGTH) {
            throw invalid(path, "a number of at most " + MAX_NUMBER_LENGTH + " characters");
        }
        BigDecimal n = parser.getBigDecimal();
        long magnitude = (long) n.precision() - n.scale();
        if (n.signum() != 0 && (magnitude > MAX_EXPONENT || magnitude < -MAX_EXPONENT)) {
            throw invalid(path, "out of range");
        }
        return n;
    }

    static ProblemException malformed(String path, String detail) {
        return new ProblemException(400, "/problems/malformed-json", "Malformed JSON", detail,
                List.of(new Problem.FieldError(path, detail)), null);
    }

    static ProblemException invalid(String path, String message) {
        return ProblemException.invalidField(path, message);
    }
}
