package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameGuardTest {

    @Test
    void ordinaryFramesPass() {
        assertDoesNotThrow(() -> FrameGuard.check("{\"type\":\"post\",\"room\":7,\"clientMessageId\":\"a\","
                + "\"text\":\"[[[[[[[[[[[[[[[[[[[[{{{{{{{{ 1e99999999999 \\\" [[[[[[[[[[[[[[[[[[[[[[\",\"id\":\"x\"}"));
        assertDoesNotThrow(() -> FrameGuard.check("{\"type\":\"action\",\"payload\":{\"positionMs\":600000,"
                + "\"rate\":-1.25e3,\"ok\":true,\"no\":false,\"x\":null}}"));
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        String deep = "[".repeat(FrameGuard.MAX_DEPTH + 1) + "]".repeat(FrameGuard.MAX_DEPTH + 1);
        assertEquals("too-deep", assertThrows(LiveException.class, () -> FrameGuard.check(deep)).code());
        String unclosed = "{\"a\":" + "{\"a\":".repeat(5000);
        assertEquals("too-deep", assertThrows(LiveException.class, () -> FrameGuard.check(unclosed)).code());
        String atTheLimit = "[".repeat(FrameGuard.MAX_DEPTH) + "]".repeat(FrameGuard.MAX_DEPTH);
        assertDoesNotThrow(() -> FrameGuard.check(atTheLimit));
    }

    @Test
    void hugeNumbersAreRefused() {
        assertEquals("bad-number", assertThrows(LiveException.class,
                () -> FrameGuard.check("{\"room\":1e999999999}")).code());
        assertEquals("bad-number", assertThrows(LiveException.class,
                () -> FrameGuard.check("{\"room\":" + "9".repeat(5000) + "}")).code());
        assertDoesNotThrow(() -> FrameGuard.check("{\"room\":9223372036854775807,\"x\":1e308}"));
    }

    @Test
    void theFrameIdIsFoundWithoutParsing() {
        assertEquals("t399", FrameGuard.frameId("{\"type\":\"typing\",\"room\":1,\"id\" : \"t399\"}").orElseThrow());
        assertEquals("a", FrameGuard.frameId("{\"text\":\"say \\\"id\\\":\\\"x\\\"\",\"id\":\"a\"}").orElseThrow());
        assertTrue(FrameGuard.frameId("{\"type\":\"typing\"}").isEmpty());
    }

    @Test
    void unpairedSurrogatesAreNotWellFormed() {
        assertTrue(FrameGuard.isWellFormed("plain, \u00e9t\u00e9, \ud83c\udfac"));
        assertTrue(!FrameGuard.isWellFormed("\ud800"));
        assertTrue(!FrameGuard.isWellFormed("a\udc00b"));
        assertTrue(!FrameGuard.isWellFormed("\ud83c"));
    }

    @Test
    void theNulCharacterIsNotWellFormed() {
        assertTrue(!FrameGuard.isWellFormed("a\u0000b"));
        assertTrue(!FrameGuard.isWellFormed("\u0000"));
    }
}
