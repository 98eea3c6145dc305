package org.creativecities.plugin.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.RequestCaller;

/**
 * Builds an {@link HttpRequest} the way the core does for {@code /api/plugins/{id}/...}: the path after the
 * plugin's prefix, decoded query parameters, lower-case header names, the city of a city-scoped request and the
 * signed-in caller. Not thread-safe; build one per call.
 */
public final class TestRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private String city;
    private RequestCaller caller;

    private TestRequest(String method, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a plugin path starts with /, e.g. /hello");
        }
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
    }

    public static TestRequest get(String path) {
        return new TestRequest("GET", path);
    }

    public static TestRequest post(String path) {
        return new TestRequest("POST", path);
    }

    public static TestRequest put(String path) {
        return new TestRequest("PUT", path);
    }

    public static TestRequest delete(String path) {
        return new TestRequest("DELETE", path);
    }

    public static TestRequest method(String method, String path) {
        return new TestRequest(method, path);
    }

    /** A city-scoped request ({@code /api/plugins/{id}/cities/{slug}/...}). */
    public TestRequest city(String citySlug) {
        this.city = citySlug;
        return this;
    }

    /** Signed in as this person. */
    public TestRequest as(long accountId, String displayName) {
        this.caller = new RequestCaller(accountId, displayName, false);
        return this;
    }

    /** Signed in as a network administrator. */
    public TestRequest asAdmin(long accountId, String displayName) {
        this.caller = new RequestCaller(accountId, displayName, true);
        return this;
    }

    public TestRequest query(String name, String value) {
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public TestRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    /** A JSON body, with its content type. */
    public TestRequest json(String jsonText) {
        header("content-type", "application/json");
        this.body = jsonText.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public TestRequest body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /** The request as the core hands it to the plugin. */
    public HttpRequest build() {
        return new HttpRequest(method, path, query, headers, body, Optional.ofNullable(city),
                Optional.ofNullable(caller), Map.of());
    }
}
