package org.creativecities.core.live;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent check of rendered message HTML, written without the sanitiser: it tokenises the output itself
 * and accepts only the renderer's allowlist. Tags: p, br, strong, em, code, pre, blockquote, ul, ol, li, a,
 * properly nested; attributes: href and rel on a only, the href's scheme (after decoding entities and dropping
 * what browsers ignore) http, https or mailto; text: no raw {@code <} or {@code >}, only well-formed entities, no
 * lone surrogates; the one comment is the sanitiser's empty {@code <!-- -->}.
 */
final class HtmlAllowlist {

    private static final Set<String> TAGS = Set.of("p", "br", "strong", "em", "code", "pre", "blockquote", "ul",
            "ol", "li", "a");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)((?: [a-z]+=\"[^\"<>]*\")*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile(" ([a-z]+)=\"([^\"<>]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    /** What the sanitiser puts between two characters that a template engine would read together, as in {{. */
    private static final String EMPTY_COMMENT = "<!-- -->";
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

    private HtmlAllowlist() {
    }

    /** Empty when the HTML passes; otherwise why not. */
    static Optional<String> violation(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (html.startsWith(EMPTY_COMMENT, i)) {
                i += EMPTY_COMMENT.length();
            } else if (c == '<') {
                Matcher m = TAG.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return Optional.of("not a well-formed tag: " + html.substring(i, Math.min(html.length(), i + 80)));
                }
                String name = m.group(2);
                if (!TAGS.contains(name)) {
                    return Optional.of("tag <" + name + ">");
                }
                if (m.group(1).isEmpty()) {
                    Optional<String> bad = attributes(name, m.group(3));
                    if (bad.isPresent()) {
                        return bad;
                    }
                    if (!name.equals("br")) {
                        open.push(name);
                    }
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return Optional.of("unbalanced </" + name + "> at " + i);
                }
                i = m.end();
            } else if (c == '>') {
                return Optional.of("raw > at " + i);
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return Optional.of("bare & at " + i);
                }
                i = m.end();
            } else if (Character.isHighSurrogate(c) && i + 1 < html.length()
                    && Character.isLowSurrogate(html.charAt(i + 1))) {
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("lone surrogate at " + i);
            } else {
                i++;
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of("unclosed " + open);
    }

    private static Optional<String> attributes(String tag, String attributes) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            String name = m.group(1);
            String value = decode(m.group(2));
            if (!tag.equals("a") || !(name.equals("href") || name.equals("rel"))) {
                return Optional.of("attribute " + name + " on <" + tag + ">");
            }
            if (name.equals("rel") && !Set.of(value.split(" ")).equals(Set.of("nofollow", "noopener", "noreferrer"))) {
                return Optional.of("rel=" + value);
            }
            if (name.equals("href")) {
                String squeezed = value.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
                Matcher scheme = SCHEME.matcher(squeezed);
                if (!scheme.find() || !Set.of("http", "https", "mailto").contains(scheme.group(1))) {
                    return Optional.of("href " + value);
                }
            }
        }
        return Optional.empty();
    }

    /** Decodes numeric and the common named entities, the way a browser reads an attribute. */
    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group();
            String r;
            if (e.startsWith("&#x")) {
                r = codePoint(Integer.parseInt(e.substring(3, e.length() - 1), 16));
            } else if (e.startsWith("&#")) {
                r = codePoint(Integer.parseInt(e.substring(2, e.length() - 1)));
            } else {
                r = switch (e) {
                    case "&amp;" -> "&";
                    case "&lt;" -> "<";
                    case "&gt;" -> ">";
                    case "&quot;" -> "\"";
                    case "&colon;" -> ":";
                    default -> e;
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        return m.appendTail(out).toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) ? Character.toString(cp) : "\uFFFD";
    }
}
