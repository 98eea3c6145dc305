package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginAssetServletTest {

    @Test
    void splitsPluginIdAndJarEntryUnderUi() {
        assertArrayEquals(new String[] {"film", "ui/film.js"},
                PluginAssetServlet.split("/film/ui/film.js").orElseThrow());
        assertArrayEquals(new String[] {"film", "ui/css/a.css"},
                PluginAssetServlet.split("/film/ui/css/a.css").orElseThrow());
    }

    @Test
    void servesOnlyTheUiFolder() {
        for (String outside : new String[] {"/film/film.js", "/film/META-INF/MANIFEST.MF", "/film/ui",
            "/film/uix/a.js", "/film/ui/"}) {
            assertTrue(PluginAssetServlet.split(outside).isEmpty(), outside);
        }
    }

    @Test
    void revalidatesByEtag() {
        assertTrue(PluginAssetServlet.matches("\"a\"", "\"a\""));
        assertTrue(PluginAssetServlet.matches("\"b\", W/\"a\"", "\"a\""));
        assertFalse(PluginAssetServlet.matches("\"b\"", "\"a\""));
        assertFalse(PluginAssetServlet.matches(null, "\"a\""));
    }

    @Test
    void refusesTraversalHiddenAndEmptySegments() {
        for (String bad : new String[] {"/film/ui/../x.js", "/film/ui/./x.js", "/film/ui/.hidden.js",
            "/film/ui//x.js", "/film/ui/a\\..\\x.js", "/film", "/", "/film/ui/c:x.js"}) {
            assertTrue(PluginAssetServlet.split(bad).isEmpty(), bad);
        }
    }

    @Test
    void servesOnlyKnownStaticTypes() {
        assertEquals(Optional.of("image/svg+xml"), PluginAssetServlet.contentType("icon.SVG"));
        assertEquals(Optional.of("video/webm"), PluginAssetServlet.contentType("ui/clip.webm"));
        assertEquals(Optional.of("text/javascript; charset=UTF-8"), PluginAssetServlet.contentType("ui/a.js"));
        assertTrue(PluginAssetServlet.contentType("x.class").isEmpty());
        assertTrue(PluginAssetServlet.contentType("x.html").isEmpty());
        assertTrue(PluginAssetServlet.contentType("noext").isEmpty());
    }
}
