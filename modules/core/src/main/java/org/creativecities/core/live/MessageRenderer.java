package org.creativecities.core.live;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders message text to safe HTML: a Markdown subset (paragraphs, line breaks, emphasis, strong, inline
 * code, code blocks, block quotes, lists, links and images) rendered by commonmark with raw HTML escaped, then passed
 * through an allowlist sanitiser. Only http, https and mailto links survive, each with
 * {@code rel="nofollow noopener noreferrer"}. An image survives only if it is one of the platform's own media
 * ({@code ![alt](/api/media/<id>)}, optionally a thumbnail {@code ?w=<width>}): an image from anywhere else would
 * tell that site who reads the room, so it is dropped, alt text and all. Every other tag, attribute and URL scheme
 * is dropped.
 *
 * <p>Rendering is bounded and never fails (issue 12): a text longer than {@link LiveService#MAX_TEXT} or of more
 * than {@link #MAX_LINES} lines, a line that opens more than {@link #MAX_LINE_MARKERS} block quotes or list items,
 * or a document nested deeper than {@link #MAX_DEPTH} is shown as escaped text instead of Markdown; so is HTML
 * longer than {@link #MAX_HTML} and any text the libraries fail on. The depth is measured without recursion,
 * before the (recursive) HTML renderer runs, and {@code <} is parsed by {@link AngleBrackets}, which keeps long
 * runs of it linear. Messages are rendered once, when posted or edited (see {@link RoomEvent#html()}), never
 * under a room's lock.
 */
final class MessageRenderer {

    /** Deepest nesting of blocks and inlines rendered as Markdown. */
    static final int MAX_DEPTH = 32;
    /** Most block-quote and list markers at the start of one line rendered as Markdown. */
    static final int MAX_LINE_MARKERS = 16;
    /** Most lines rendered as Markdown: commonmark's inline parsing of one paragraph grows with its lines squared. */
    static final int MAX_LINES = 2_000;
    /** Longest HTML kept (the {@code room_event.html} column); longer is shown as escaped text, which is shorter. */
    static final int MAX_HTML = 262_144;

    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?|mailto):\\S+");
    /** The platform's own media, by path (a media id is 22 URL-safe Base64 characters), or one of its thumbnails. */
    static final Pattern OWN_MEDIA = Pattern.compile("/api/media/[A-Za-z0-9_-]{22}(\\?w=[1-9][0-9]{1,3})?");
    private static final Parser PARSER = Parser.builder()
            .customInlineContentParserFactory(new AngleBrackets()).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();
    /** The allowlist: the tags, attributes and URL schemes a rendered message may contain. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(SAFE_URL).onElements("a")
            .allowAttributes("src").matching(OWN_MEDIA).onElements("img")
            .allowAttributes("alt").onElements("img")
            // An image whose source was dropped is dropped whole.
            .allowElements((name, attributes) -> attributes.contains("src") ? name : null, "img")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();
    private static final Pattern TRAILING_NEWLINES = Pattern.compile("\\n+$");

    private MessageRenderer() {
    }

    /** The safe HTML of a message's text; never throws, whatever the text. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > LiveService.MAX_TEXT || tooManyMarkersOrLines(text)) {
            return escaped(text);
        }
        try {
            Node document = PARSER.parse(text);
            if (depth(document) > MAX_DEPTH) {
                return escaped(text);
            }
            String safe = TRAILING_NEWLINES.matcher(POLICY.sanitize(RENDERER.render(document))).replaceAll("");
            return safe.length() > MAX_HTML ? escaped(text) : safe;
        } catch (RuntimeException | StackOverflowError e) {
            return escaped(text);
        }
    }

    /**
     * True when the text has more than {@link #MAX_LINES} lines, or a line starts with more block-quote or list
     * markers than {@link #MAX_LINE_MARKERS}: each opens a container that every later line is matched against, so
     * many of them make parsing slow before the depth check can refuse the document.
     */
    private static boolean tooManyMarkersOrLines(String text) {
        int markers = 0;
        int lines = 1;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (!crlf && ++lines > MAX_LINES) {
                    return true;
                }
                markers = 0;
                lineStart = true;
            } else if (lineStart) {
                boolean marker = c == '>' || ("-*+.)".indexOf(c) >= 0 && blankOrEnd(text, i + 1));
                if (marker && ++markers > MAX_LINE_MARKERS) {
                    return true;
                }
                lineStart = marker || c == ' ' || c == '\t' || (c >= '0' && c <= '9');
            }
        }
        return false;
    }

    private static boolean blankOrEnd(String text, int i) {
        return i >= text.length() || " \t\r\n".indexOf(text.charAt(i)) >= 0;
    }

    /** The deepest nesting of the tree, walked without recursion. */
    private static int depth(Node root) {
        int depth = 0;
        int deepest = 0;
        Node node = root;
        while (node != null) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                deepest = Math.max(deepest, ++depth);
                if (deepest > MAX_DEPTH) {
                    return deepest;
                }
                continue;
            }
            while (node != null && node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == null || node == root ? null : node.getNext();
        }
        return deepest;
    }

    /** The text as one escaped paragraph, line breaks kept; lone surrogates become U+FFFD. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append("<p>");
        List<String> lines = text.strip().lines().toList();
        for (int l = 0; l < lines.size(); l++) {
            if (l > 0) {
                out.append("<br />");
            }
            String line = lines.get(l);
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&#34;");
                    case '\'' -> out.append("&#39;");
                    default -> {
                        if (Character.isHighSurrogate(c) && i + 1 < line.length()
                                && Character.isLowSurrogate(line.charAt(i + 1))) {
                            out.append(c).append(line.charAt(++i));
                        } else if (Character.isSurrogate(c) || (c < ' ' && c != '\t')) {
                            out.append('\uFFFD');
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.append("</p>").toString();
    }
}
