package org.creativecities.app.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The stored-XSS corpus ({@code security/xss-payloads.txt}) and the check of server-rendered message HTML. */
final class RenderXss {

    private static final Set<String> TAGS = Set.of("p", "br", "strong", "em", "code", "pre", "blockquote", "ul",
            "ol", "li", "a");
    /** Every tag, with its attributes; the only comment allowed is the sanitiser's empty one. */
    private static final Pattern ANY_TAG = Pattern.compile("<(?!!-- -->)/?([^\\s/>]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/]+)\\s*=\\s*\"([^\"]*)\"");

    private RenderXss() {
    }

    /** The payloads, in file order. */
    static List<String> payloads() {
        try (InputStream in = RenderXss.class.getResourceAsStream("/security/xss-payloads.txt")) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What in a message's HTML is outside the renderer's allowlist (empty when nothing): a tag not on it, an
     * attribute other than href and rel on a link, a link whose scheme (entities decoded, blanks dropped) is not
     * http, https or mailto, or a stray {@code <}.
     */
    static List<String> outsideAllowlist(String html) {
        List<String> bad = new ArrayList<>();
        Matcher tag = ANY_TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            if (!TAGS.contains(name)) {
                bad.add(tag.group());
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            int attributes = 0;
            while (attribute.find()) {
                attributes++;
                String key = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = decodeNumeric(attribute.group(2)).replaceAll("[\\x00-\\x20]", "")
                        .toLowerCase(Locale.ROOT);
                boolean ok = name.equals("a") && (key.equals("rel") || key.equals("href")
                        && (value.startsWith("http:") || value.startsWith("https:") || value.startsWith("mailto:")));
                if (!ok) {
                    bad.add(tag.group());
                }
            }
            if (tag.group(2).replaceAll("\\s*/$", "").contains("=") && attributes == 0) {
                bad.add(tag.group());
            }
        }
        if (ANY_TAG.matcher(html).replaceAll("").replace("<!-- -->", "").contains("<")) {
            bad.add("a raw <");
        }
        return bad;
    }

    private static String decodeNumeric(String s) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int cp = m.group(1).isEmpty() && !m.group(2).matches("\\d+") ? -1
                    : Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(Character.isValidCodePoint(cp)
                    ? Character.toString(cp) : "?"));
        }
        return m.appendTail(out).toString().replace("&amp;", "&").replace("&colon;", ":");
    }
}
