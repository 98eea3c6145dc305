package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.creativecities.core.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class PluginRequestBodyTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsOrdinaryJson() {
        for (String ok : List.of("", "{}", "[]", "1", "\"x\"", "{\"a\":[1,2.5e10,{\"b\":null}]}", " {\"a\":true} ",
                "[".repeat(PluginRequestBody.MAX_DEPTH) + "]".repeat(PluginRequestBody.MAX_DEPTH))) {
            assertDoesNotThrow(() -> PluginRequestBody.checkJson(b(ok)), ok);
        }
    }

    @Test
    void refusesWhatThePluginShouldNeverSee() {
        for (String bad : List.of("[".repeat(5000) + "]".repeat(5000),
                "[".repeat(PluginRequestBody.MAX_DEPTH + 1) + "]".repeat(PluginRequestBody.MAX_DEPTH + 1),
                "{\"a\":", "{} trailing", "{}{}", "\"x\"]", "1e999999999", "1e-99999", "1".repeat(100), "nul",
                "{\"a\" 1}", "\u0000")) {
            ProblemException e = assertThrows(ProblemException.class, () -> PluginRequestBody.checkJson(b(bad)),
                    bad.length() > 30 ? bad.substring(0, 30) : bad);
            assertEquals(400, e.status());
        }
    }

    @Test
    void knowsJsonContentTypes() {
        assertTrue(PluginRequestBody.isJson("application/json; charset=utf-8"));
        assertTrue(PluginRequestBody.isJson("application/merge-patch+json"));
        assertFalse(PluginRequestBody.isJson("text/plain"));
        assertFalse(PluginRequestBody.isJson(null));
    }

    @Test
    void bodiesWithAnotherLabelMayBeAnyTextButNotAbsurdlyNested() {
        for (String ok : List.of("[draft] hello", "}}}] unbalanced [", "\"" + "[".repeat(500) + "\"",
                "[".repeat(PluginRequestBody.MAX_DEPTH), "\"\\\"[[[\"")) {
            assertDoesNotThrow(() -> PluginRequestBody.check("text/plain", b(ok)), ok);
        }
        byte[] deep = b("[".repeat(5000) + "]".repeat(5000));
        assertEquals(400, assertThrows(ProblemException.class, () -> PluginRequestBody.check("text/plain", deep))
                .status());
        assertEquals(400, assertThrows(ProblemException.class, () -> PluginRequestBody.check(null, deep)).status());
        byte[] binary = new byte[20_000];
        Arrays.fill(binary, (byte) '[');
        binary[1] = (byte) 0xFF;
        assertDoesNotThrow(() -> PluginRequestBody.check("application/octet-stream", binary), "not UTF-8: binary");
        assertEquals(400, assertThrows(ProblemException.class,
                () -> PluginRequestBody.check("application/json", b("[draft]"))).status());
    }
}
