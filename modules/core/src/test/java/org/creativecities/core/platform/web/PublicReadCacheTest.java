package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.creativecities.core.platform.web.PublicReadCache.Precondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicReadCacheTest {

    private static final String TAG = "sqe3JhwsVWyY38ZjhSRQL52kuuG";

    private static Precondition read(String... headers) {
        return PublicReadCache.ifNoneMatch(Collections.enumeration(List.of(headers)), TAG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"" + TAG + "\"", "W/\"" + TAG + "\"", "*", " * ", "\"other\", \"" + TAG + "\"",
        "W/\"other\",W/\"" + TAG + "\"", "  \"" + TAG + "\"  "})
    void aListedTagOrAStarMatches(String header) {
        assertEquals(Precondition.MATCHES, read(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"other\"", "W/\"other\", \"" + TAG + "x\"", "\"qe3JhwsVWyY38ZjhSRQL52kuuG\"", "\"\""})
    void otherTagsDoNotMatch(String header) {
        assertEquals(Precondition.NONE_MATCHES, read(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", TAG, "\"" + TAG, "w/\"" + TAG + "\"", "\"a\"b\"", "\"a\",", "\"a\", *",
        "\"a,b\"", "W/ \"" + TAG + "\""})
    void anythingElseIsLeftToJaxRs(String header) {
        assertEquals(Precondition.UNREADABLE, read(header));
    }

    @Test
    void noHeaderIsNoMatchAndTwoHeadersAreLeftToJaxRs() {
        assertEquals(Precondition.NONE_MATCHES, read());
        assertEquals(Precondition.UNREADABLE, read("\"" + TAG + "\"", "\"other\""));
    }
}
