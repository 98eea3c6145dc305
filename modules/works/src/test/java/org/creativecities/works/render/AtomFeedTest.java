package org.creativecities.works.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AtomFeedTest {

    @Test
    void dropsWhatXmlCannotCarry() {
        assertEquals("ab\tc\n😀", AtomFeed.xmlSafe("a\u0001b\tc\n\uFFFE😀"));
    }

    @Test
    void rendererEscapesRawHtmlAndKeepsOwnMediaImagesOnly() {
        String html = WorkRenderer.html("<b>x</b> ![a](/api/media/3) ![b](https://evil.example/x.png)");
        assertEquals(false, html.contains("<b>"));
        assertEquals(true, html.contains("src=\"/api/media/3\""));
        assertEquals(false, html.contains("evil.example/x.png\""), html);
    }
}
