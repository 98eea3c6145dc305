package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageRendererTest {

    @Test
    void theMarkdownSubsetIsRendered() {
        assertEquals("<p>Hello <strong>Lyon</strong> and <em>Graz</em>, see <code>x &lt; y</code></p>",
                MessageRenderer.html("Hello **Lyon** and *Graz*, see `x < y`"));
        String list = MessageRenderer.html("- one\n- two");
        assertTrue(list.contains("<ul>") && list.contains("<li>one</li>"), list);
        assertEquals("<p>a<br />b</p>", MessageRenderer.html("a\nb"));
    }

    @Test
    void linksKeepSafeSchemesOnlyAndGetRelNoFollow() {
        String ok = MessageRenderer.html("[film](https://example.org/film)");
        assertTrue(ok.contains("href=\"https://example.org/film\""), ok);
        assertTrue(ok.matches(".*rel=\"[^\"]*nofollow[^\"]*\".*") && ok.contains("noopener"), ok);
        String js = MessageRenderer.html("[click](javascript:alert(1))");
        assertFalse(js.contains("href"), js);
        assertFalse(MessageRenderer.html("<javascript:alert(1)>").contains("href"));
        assertFalse(MessageRenderer.html("[x](data:text/html;base64,PHNjcmlwdD4=)").contains("data:"));
    }

    @Test
    void userHtmlNeverSurvivesAsMarkup() {
        String html = MessageRenderer.html("<script>alert(1)</script><img src=x onerror=alert(1)> <b>bold</b>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        String block = MessageRenderer.html("<div onclick=\"steal()\">\nhi\n</div>");
        assertFalse(block.contains("<div"), block);
    }

    @Test
    void autolinksStillWorkAndAStrayAngleBracketIsText() {
        String uri = MessageRenderer.html("see <https://example.org/x?a=1> now");
        assertTrue(uri.contains("href=\"https://example.org/x?a&#61;1\""), uri);
        assertTrue(MessageRenderer.html("<ana@example.org>").contains("href=\"mailto:ana&#64;example.org\""));
        assertEquals("<p>a &lt; b &gt; c &lt;d</p>", MessageRenderer.html("a < b > c <d"));
        assertFalse(MessageRenderer.html("<javascript:alert(1)>").contains("href"));
    }

    @Test
    void tooDeepOrTooMarkedTextIsShownAsEscapedText() {
        assertEquals("<p>&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt;&gt; &lt;b&gt;</p>",
                MessageRenderer.html(">".repeat(17) + " <b>"));
        assertEquals("<p>" + "1. ".repeat(17) + "<br />x</p>", MessageRenderer.html("1. ".repeat(17) + "\nx"));
        String stars = "*".repeat(80);
        assertEquals("<p>" + stars + "a" + stars + "</p>", MessageRenderer.html(stars + "a" + stars));
        assertEquals("<p>a\uFFFDb</p>", MessageRenderer.escaped("a\uD800b"));
        assertTrue(MessageRenderer.html(">".repeat(16) + " quoted").startsWith("<blockquote>"));
    }

    @Test
    void imagesFromOurOwnMediaAreShownWithTheirAltText() {
        String html = MessageRenderer.html("Look: ![A red door in Lyon](/api/media/AbCdEfGhIjKlMnOpQrSt_-)");
        assertEquals("<p>Look: <img src=\"/api/media/AbCdEfGhIjKlMnOpQrSt_-\" alt=\"A red door in Lyon\" /></p>",
                html);
        String thumbnail = MessageRenderer.html("![door](/api/media/AbCdEfGhIjKlMnOpQrSt_-?w=640)");
        assertTrue(thumbnail.contains("<img src=\"/api/media/AbCdEfGhIjKlMnOpQrSt_-?w&#61;640\""), thumbnail);
    }

    @Test
    void anyOtherImageSourceIsDroppedWhole() {
        for (String other : new String[] {"https://tracker.example/pixel.png", "http://example.org/a.png",
                "//evil.example/api/media/AbCdEfGhIjKlMnOpQrSt_-", "/api/media/short", "/api/media/AbCdEfGhIjKlMnOpQrSt_-x",
                "/api/media/AbCdEfGhIjKlMnOpQrSt_-?w=640&x=1", "/api/media/AbCdEfGhIjKlMnOpQrSt_-/../../admin",
                "/api/users/AbCdEfGhIjKlMnOpQrSt_-", "data:image/png;base64,iVBORw0KGgo=",
                "javascript:alert(1)", "https://example.org/api/media/AbCdEfGhIjKlMnOpQrSt_-"}) {
            String html = MessageRenderer.html("before ![secret alt](" + other + ") after");
            assertFalse(html.contains("<img"), other + " -> " + html);
            assertFalse(html.contains("secret alt"), other + " -> " + html);
            assertTrue(html.contains("before") && html.contains("after"), other + " -> " + html);
        }
        String raw = MessageRenderer.html("<img src=\"/api/media/AbCdEfGhIjKlMnOpQrSt_-\" onerror=\"alert(1)\">");
        assertFalse(raw.contains("<img"), "raw HTML stays text: " + raw);
        String attributes = MessageRenderer.html("![x](/api/media/AbCdEfGhIjKlMnOpQrSt_- \"title\")");
        assertFalse(attributes.contains("title="), attributes);
    }
}
