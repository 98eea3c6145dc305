package org.creativecities.works.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.creativecities.works.markdown.WorkRenderer;
import org.junit.jupiter.api.Test;

class AtomFeedTest {

    @Test
    void dropsWhatXmlCannotCarry() {
        assertEquals("ab\tc\n😀", AtomFeed.xmlSafe("a\u0001b\tc\n\uFFFE😀"));
    }

    @Test
    void rendererEscapesRawHtmlAndKeepsOwnMediaImagesOnly() {
        String id = "q3HkT0V9bq2nJ7W1x4m5sA";
        String html = WorkRenderer.html("<b>x</b> ![a](/api/media/" + id + ") ![t](/api/media/" + id + "?w=320) "
                + "![n](/api/media/3) ![b](https://evil.example/x.png)");
        assertEquals(false, html.contains("<b>"));
        assertEquals(true, html.contains("src=\"/api/media/" + id + "\""), html);
        assertEquals(true, html.contains("src=\"/api/media/" + id + "?w&#61;320\""), html);
        assertEquals(false, html.contains("/api/media/3"), "not a media id");
        assertEquals(false, html.contains("evil.example/x.png\""), html);
    }
}
