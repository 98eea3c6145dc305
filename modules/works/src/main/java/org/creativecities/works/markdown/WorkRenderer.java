package org.creativecities.works.markdown;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a text work's Markdown to safe HTML, the way the core renders messages (core.live.MessageRenderer):
 * commonmark with raw HTML escaped and URLs sanitised, then an allowlist sanitiser (OWASP). A work is a document,
 * so the allowlist adds headings, rules and images, but images only from this platform's own media
 * ({@code /api/media/<id>}, optionally {@code ?w=<thumbnail width>}); links only http, https and mailto, each with {@code rel="nofollow noopener noreferrer"}.
 * It never throws: a text that the libraries fail on (or that nests deeper than they can render) is shown escaped.
 */
public final class WorkRenderer {

    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?|mailto):\\S+");
    private static final Pattern OWN_MEDIA = Pattern.compile("/api/media/[A-Za-z0-9_-]{22}(\\?w=[0-9]{1,5})?");
    private static final Pattern MEDIA_ID = Pattern.compile("/api/media/([A-Za-z0-9_-]{22})(\\?w=[0-9]{1,5})?");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
                    "h1", "h2", "h3", "h4", "h5", "h6", "img")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(SAFE_URL).onElements("a")
            .allowAttributes("src").matching(OWN_MEDIA).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private WorkRenderer() {
    }

    /** The safe HTML of a work's Markdown. */
    public static String html(String markdown) {
        return html(markdown, Map.of());
    }

    /**
     * The safe HTML of a work's Markdown, each image of our own media with its stored alt text ({@code alts}, by
     * media id) rather than the Markdown's, which is usually a file name.
     */
    public static String html(String markdown, Map<String, String> alts) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        try {
            HtmlRenderer renderer = alts.isEmpty() ? RENDERER : HtmlRenderer.builder().escapeHtml(true)
                    .sanitizeUrls(true).attributeProviderFactory(context -> described(alts)).build();
            return POLICY.sanitize(renderer.render(PARSER.parse(markdown)));
        } catch (RuntimeException | StackOverflowError e) {
            return "<pre>" + escape(markdown) + "</pre>";
        }
    }

    private static AttributeProvider described(Map<String, String> alts) {
        return (node, tag, attributes) -> {
            if (node instanceof Image image) {
                Matcher m = MEDIA_ID.matcher(image.getDestination());
                if (m.matches() && alts.containsKey(m.group(1))) {
                    attributes.put("alt", alts.get(m.group(1)));
                }
            }
        };
    }

    /** Text escaped for HTML content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
