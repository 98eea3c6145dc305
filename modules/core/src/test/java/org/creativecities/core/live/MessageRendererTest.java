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
}
