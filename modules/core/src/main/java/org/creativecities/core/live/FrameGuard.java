package org.creativecities.core.live;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A linear pre-scan of a client frame, before it reaches the JSON parser: nesting deeper than {@link #MAX_DEPTH}
 * and number literals longer than {@link #MAX_NUMBER} characters, or with an exponent of more than
 * {@link #MAX_EXPONENT} digits, are refused. The parser itself then never recurses deeply, and no number it reads
 * can be expensive to turn into a {@code long} (a {@code 1e999999999} expands to a billion digits). The scan keeps
 * no state beyond a few counters and reads each character once; the frame's size is capped by the endpoint
 * before it gets here ({@link LiveEndpoint#MAX_FRAME}).
 */
final class FrameGuard {

    /** A top-level-looking {@code "id":"..."} member: the frame id, as a client's frames carry it (1 to 64 chars). */
    private static final Pattern ID = Pattern.compile("\"id\"\\s*+:\\s*+\"([^\"\\\\]{1,64}+)\"");

    /** Deepest nesting of objects and arrays in a frame; ours need 3, a plugin action's payload a few more. */
    static final int MAX_DEPTH = 16;
    /** Longest number literal, in characters. */
    static final int MAX_NUMBER = 40;
    /** Most digits of a number's exponent. */
    static final int MAX_EXPONENT = 3;

    private FrameGuard() {
    }

    /** Refuses the frame with a {@link LiveException} when it is too deep or has a number out of bounds. */
    static void check(String text) {
        int depth = 0;
        boolean inString = false;
        int number = 0;
        int exponent = -1;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (isNumberChar(ch)) {
                number++;
                if (ch == 'e' || ch == 'E') {
                    exponent = 0;
                } else if (exponent >= 0 && ch >= '0' && ch <= '9') {
                    exponent++;
                }
                if (number > MAX_NUMBER || exponent > MAX_EXPONENT) {
                    throw new LiveException(LiveError.BAD_NUMBER, "Numbers in a frame have at most " + MAX_NUMBER
                            + " characters and an exponent of at most " + MAX_EXPONENT + " digits.");
                }
                continue;
            }
            number = 0;
            exponent = -1;
            switch (ch) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > MAX_DEPTH) {
                        throw new LiveException(LiveError.TOO_DEEP, "A frame nests at most " + MAX_DEPTH + " levels.");
                    }
                }
                case '}', ']' -> depth--;
                default -> {
                    // whitespace, separators and literals: nothing to count
                }
            }
        }
    }

    /**
     * The frame's {@code id}, found without parsing, for the answer to a frame refused before it was parsed (rate
     * limits): the client matches answers to its frames by id. A best effort: ids with escapes are not found.
     */
    static Optional<String> frameId(String text) {
        Matcher m = ID.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a string read from a frame is well-formed text (see {@link LiveText#isWellFormed}). */
    static boolean isWellFormed(String s) {
        return LiveText.isWellFormed(s);
    }

    private static boolean isNumberChar(char ch) {
        return ch >= '0' && ch <= '9' || ch == '-' || ch == '+' || ch == '.' || ch == 'e' || ch == 'E';
    }
}
