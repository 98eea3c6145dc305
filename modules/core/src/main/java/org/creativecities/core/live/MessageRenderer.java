package org.creativecities.core.live;

import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders message text to safe HTML: a Markdown subset (paragraphs, line breaks, emphasis, strong, inline
 * code, code blocks, block quotes, lists and links) rendered by commonmark with raw HTML escaped, then passed
 * through an allowlist sanitiser. Only http, https and mailto links survive, each with
 * {@code rel="nofollow noopener noreferrer"}; every other tag, attribute and URL scheme is dropped. The text
 * itself is stored as written; this runs when a frame or history page is built.
 */
final class MessageRenderer {

    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?|mailto):\\S+");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(SAFE_URL).onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();
    private static final Pattern TRAILING_NEWLINES = Pattern.compile("\\n+$");

    private MessageRenderer() {
    }

    static String html(String text) {
        Node document = PARSER.parse(text);
        String unsafe = RENDERER.render(document);
        return TRAILING_NEWLINES.matcher(POLICY.sanitize(unsafe)).replaceAll("");
    }
}
