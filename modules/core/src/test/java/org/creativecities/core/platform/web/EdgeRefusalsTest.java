package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeRefusalsTest {

    @Test
    void spellingsOfOnePathAreOneKey() {
        for (String uri : new String[] {"/api/sessions", "/api/sessions/", "/api/sessions;x=1", "//api//sessions",
            "/api/%73essions", "/api;a/sessions;b/"}) {
            assertEquals(Optional.of("/api/sessions"), EdgeRefusals.canonicalPath(uri), uri);
        }
    }

    @Test
    void longPathsAreNotRemembered() {
        assertEquals(Optional.empty(), EdgeRefusals.canonicalPath("/api/" + "a".repeat(300)));
        assertEquals(Optional.empty(), EdgeRefusals.canonicalPath("/" + "x".repeat(5000)));
    }
}
