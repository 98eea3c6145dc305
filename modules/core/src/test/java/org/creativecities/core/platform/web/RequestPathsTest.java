package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/cities/lyon", "/api/cities/s%C3%A3o-paulo", "/api/me;jsessionid=1", "/ui/",
        "/api/cities/%252e%252e", "/webjars/lit/3.1.0/index.js", "/api/cities/a.b", "/api/cities/..."})
    void servablePathsPass(String path) {
        assertNull(RequestPaths.refusal(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cities/..%2F..%2Fetc", "/api/cities/..%2f", "/api/cities/%2e%2e/x", "/api/%2E/me",
        "/api/../etc", "/api/./me", "/api/cities/..;/x", "/api//cities", "//api/me", "/api/cities/%00",
        "/api/cities/a%0Ab", "/api/cities/%c0%af", "/api/cities/%c0%ae%c0%ae", "/api/cities/%ff", "/api/cities/%",
        "/api/cities/%2", "/api/cities/%zz", "/api/cities/a%5Cb", "/api/cities/a\\b", "/api/cities/%7f",
        "/api/cities/%ed%a0%80", "/api/cities/a\u0001b", "/api/cities/a\u007fb", "/api/cities/\tx"})
    void trickyPathsAreRefused(String path) {
        assertNotNull(RequestPaths.refusal(path), path);
    }
}
