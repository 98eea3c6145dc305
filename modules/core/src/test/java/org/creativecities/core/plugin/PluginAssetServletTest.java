package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginAssetServletTest {

    @Test
    void splitsPluginIdAndAssetPath() {
        assertArrayEquals(new String[] {"film", "film.js"}, PluginAssetServlet.split("/film/film.js").orElseThrow());
        assertArrayEquals(new String[] {"film", "css/a.css"},
                PluginAssetServlet.split("/film/css/a.css").orElseThrow());
    }

    @Test
    void refusesTraversalHiddenAndEmptySegments() {
        for (String bad : new String[] {"/film/../x.js", "/film/./x.js", "/film/.hidden.js", "/film//x.js",
            "/film/a\\..\\x.js", "/film", "/", "/film/c:x.js"}) {
            assertTrue(PluginAssetServlet.split(bad).isEmpty(), bad);
        }
    }

    @Test
    void servesOnlyKnownStaticTypes() {
        assertEquals(Optional.of("image/svg+xml"), PluginAssetServlet.contentType("icon.SVG"));
        assertTrue(PluginAssetServlet.contentType("x.class").isEmpty());
        assertTrue(PluginAssetServlet.contentType("x.html").isEmpty());
        assertTrue(PluginAssetServlet.contentType("noext").isEmpty());
    }
}
