package org.creativecities.core.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which request paths name something the application could serve. A path that climbs out of its prefix, or hides a
 * separator or a control character in an escape, names no resource and no operation; the container and JAX-RS would
 * each read it their own way (one decodes {@code %2F} and normalises {@code ..}, the other does not), so
 * {@link RequestFramingFilter} refuses it from the raw path, before either does, and before who is asking matters.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * Why the raw (still percent-encoded) path is refused, or {@code null} when it is acceptable: an empty segment
     * ({@code //}), a dot segment ({@code .} or {@code ..}, plain or encoded, with or without {@code ;parameters}),
     * a backslash, an escape that is malformed, not UTF-8 (overlong forms included), or stands for {@code /},
     * {@code \} or a control character.
     */
    static String refusal(String rawPath) {
        if (plain(rawPath)) {
            return null;
        }
        if (rawPath.indexOf('\\') >= 0) {
            return "The path holds a backslash.";
        }
        if (rawPath.contains("//")) {
            return "The path holds an empty segment ('//').";
        }
        for (String segment : rawPath.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String bare = parameters < 0 ? segment : segment.substring(0, parameters);
            String decoded = decode(bare);
            if (decoded == null) {
                return "The path holds a malformed escape or one that is not UTF-8.";
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return "The path holds a dot segment ('.' or '..').";
            }
            if (decoded.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
                return "The path holds an escaped separator or control character.";
            }
        }
        return null;
    }

    /**
     * Whether the path is acceptable at a glance, as most are: without an escape, a dot, a backslash, a control
     * character or an empty segment, none of the refusals above can apply. Checked on every request, so one pass
     * over the characters with nothing allocated.
     */
    private static boolean plain(String rawPath) {
        char previous = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' || c == '.' || c == '\\' || c < 0x20 || c == 0x7f || c == '/' && previous == '/') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The percent-decoded segment, or {@code null} if an escape is malformed or the bytes are not UTF-8. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                continue;
            }
            if (i + 2 >= segment.length()) {
                return null;
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
