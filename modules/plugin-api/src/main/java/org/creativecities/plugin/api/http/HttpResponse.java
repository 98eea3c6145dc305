package org.creativecities.plugin.api.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plugin answers: a status, and either raw bytes with a content type, a value the core writes as
 * JSON, or a problem the core writes as {@code application/problem+json}. Immutable; build it with the
 * factories and {@link #withHeader}.
 */
public final class HttpResponse {

    private final int status;
    private final String contentType;
    private final byte[] bytes;
    private final Object json;
    private final String problemTitle;
    private final Map<String, String> headers;

    private HttpResponse(int status, String contentType, byte[] bytes, Object json, String problemTitle,
                         Map<String, String> headers) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is not a final HTTP status");
        }
        this.status = status;
        this.contentType = contentType;
        this.bytes = bytes;
        this.json = json;
        this.problemTitle = problemTitle;
        this.headers = Map.copyOf(headers);
    }

    /** 200 with the value as JSON. */
    public static HttpResponse ok(Object value) {
        return json(200, value);
    }

    /** The status with the value as JSON (records, maps, lists, strings, numbers). */
    public static HttpResponse json(int status, Object value) {
        return new HttpResponse(status, "application/json", null, Objects.requireNonNull(value, "value"), null,
                Map.of());
    }

    /** The status with UTF-8 text. */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), null,
                null, Map.of());
    }

    /** The status with raw bytes of the given content type. */
    public static HttpResponse bytes(int status, String contentType, byte[] body) {
        return new HttpResponse(status, Objects.requireNonNull(contentType, "contentType"), body.clone(), null, null,
                Map.of());
    }

    /** 204 without a body. */
    public static HttpResponse noContent() {
        return new HttpResponse(204, null, new byte[0], null, null, Map.of());
    }

    /**
     * An expected error, written by the core as RFC 9457 {@code application/problem+json} like the core's own
     * errors (with the request id). Headers added with {@link #withHeader} are not sent with a problem;
     * put what the client needs in the detail.
     *
     * @param status 4xx or 5xx
     * @param title  a short summary, e.g. "Screening not found"
     * @param detail what happened, for people
     */
    public static HttpResponse problem(int status, String title, String detail) {
        if (status < 400) {
            throw new IllegalArgumentException("a problem needs a 4xx or 5xx status");
        }
        return new HttpResponse(status, "application/problem+json", detail.getBytes(StandardCharsets.UTF_8), null,
                Objects.requireNonNull(title, "title"), Map.of());
    }

    /** The same response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, contentType, bytes, json, problemTitle, more);
    }

    public int status() {
        return status;
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The raw body, for text, bytes and empty responses; for a problem, the detail text. */
    public Optional<byte[]> bytes() {
        return Optional.ofNullable(bytes).map(byte[]::clone);
    }

    /** The value to write as JSON, for JSON responses. */
    public Optional<Object> json() {
        return Optional.ofNullable(json);
    }

    /** The problem's title, for problem responses. */
    public Optional<String> problemTitle() {
        return Optional.ofNullable(problemTitle);
    }

    public Map<String, String> headers() {
        return headers;
    }
}
