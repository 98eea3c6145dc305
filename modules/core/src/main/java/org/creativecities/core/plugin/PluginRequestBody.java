package org.creativecities.core.plugin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.creativecities.core.platform.web.ProblemException;

/**
 * The core's check of a body before it reaches a plugin route. A body labelled JSON must be UTF-8, one well-formed
 * JSON value and nothing after it, nested at most {@value #MAX_DEPTH} deep, with numbers of sane size. A body with
 * another label is the plugin's to read, but plugins often parse it as JSON anyway: when it looks like JSON (UTF-8
 * text starting with a bracket) it too may not nest brackets more than {@value #MAX_DEPTH} deep; binary bodies
 * pass as they are. Anything else is the caller's fault and is answered 400 by the core; it never
 * reaches the plugin, so it can never count as the plugin's failure. The body's size is already limited for every
 * endpoint ({@code ccc.limits.request-body-max}). The checks stream (no tree is built, no recursion), so a hostile
 * body costs one pass over its bytes.
 */
final class PluginRequestBody {

    /** Created once: {@code Json.create…} looks the JSON-P provider up with a class-path scan on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

    /** The deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 64;

    /** The longest number accepted, in characters (a huge exponent or mantissa costs the plugin dearly). */
    static final int MAX_NUMBER_LENGTH = 64;

    /** The largest exponent accepted, either sign (beyond what a double holds). */
    static final long MAX_EXPONENT = 400;

    private PluginRequestBody() {
    }

    /** Whether the content type says JSON ({@code application/json} or any {@code +json} type). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Throws a 400 problem unless {@code body} is acceptable for its content type. */
    static void check(String contentType, byte[] body) {
        if (isJson(contentType)) {
            checkJson(body);
        } else if (looksLikeJson(body)) {
            checkNesting(body);
        }
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte c : body) {
            if (c == '[' || c == '{') {
                return isUtf8(body);
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return false;
    }

    private static boolean isUtf8(byte[] body) {
        try {
            utf8(body);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    /**
     * Refuses brackets nested deeper than {@value #MAX_DEPTH}, outside JSON strings, whatever the text is; bytes
     * that are no brackets, quotes or backslashes are simply skipped (so any encoding and any text pass).
     */
    static void checkNesting(byte[] body) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte c = body[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw refused("The body nests brackets more than " + MAX_DEPTH + " deep.");
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
    }

    /** Throws a 400 problem unless {@code body} is one acceptable JSON value. */
    static void checkJson(byte[] body) {
        if (body.length == 0) {
            return;
        }
        int depth = 0;
        try (JsonParser parser = PARSERS.createParser(new StringReader(utf8(body)))) {
            boolean done = false;
            while (parser.hasNext()) {
                if (done) {
                    throw refused("Only one JSON value is allowed; there is text after it.");
                }
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > MAX_DEPTH) {
                            throw refused("The JSON is nested more than " + MAX_DEPTH + " deep.");
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    case VALUE_NUMBER -> checkNumber(parser.getString());
                    default -> {
                    }
                }
                done = depth == 0;
            }
        } catch (JsonException | IllegalStateException e) {
            throw refused("The body is not valid JSON.");
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw refused("The body is not UTF-8.");
        }
    }

    private static void checkNumber(String number) {
        if (number.length() > MAX_NUMBER_LENGTH) {
            throw refused("A number is longer than " + MAX_NUMBER_LENGTH + " characters.");
        }
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e >= 0) {
            try {
                if (Math.abs(Long.parseLong(number.substring(e + 1))) <= MAX_EXPONENT) {
                    return;
                }
            } catch (NumberFormatException tooLong) {
                // An exponent too long for a long is too large as well.
            }
            throw refused("A number's exponent is beyond " + MAX_EXPONENT + ".");
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(400, "/problems/invalid-json", "Invalid JSON", detail, List.of(), null);
    }
}
