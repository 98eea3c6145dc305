package org.creativecities.core.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenApiFormatTest {

    @Test
    void theFormatParameterWinsThenTheAcceptHeaderWithYamlOnTies() {
        assertTrue(OpenApiFormat.wantsJson("JSON", "text/plain"));
        assertFalse(OpenApiFormat.wantsJson("yaml", "application/json"));
        assertTrue(OpenApiFormat.wantsJson("xml", "application/json"), "an unknown format is ignored");
        assertFalse(OpenApiFormat.wantsJson(null, null));
        assertFalse(OpenApiFormat.wantsJson(null, "*/*"));
        assertTrue(OpenApiFormat.wantsJson(null, "application/json"));
        assertTrue(OpenApiFormat.wantsJson(null, "application/json, text/plain;q=0.5"));
        assertFalse(OpenApiFormat.wantsJson(null, "application/json;q=0.4, text/*"));
        assertFalse(OpenApiFormat.wantsJson(null, "application/json, text/plain"));
        assertTrue(OpenApiFormat.wantsJson(null, "application/*, text/plain;q=0.9"));
        assertFalse(OpenApiFormat.wantsJson(null, "application/json;q=bad"));
    }
}
