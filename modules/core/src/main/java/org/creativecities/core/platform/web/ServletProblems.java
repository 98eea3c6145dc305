package org.creativecities.core.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes a problem document straight onto a servlet response, for answers given outside JAX-RS (the first filter's
 * refusals, the container's error pages); same shape as {@link Problems}.
 */
public final class ServletProblems {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private ServletProblems() {
    }

    /**
     * Answers 429 with {@code Retry-After} (whole seconds, at least one) to a request refused by a servlet filter
     * before the application sees it, and writes its access-log line.
     */
    public static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, String detail,
                                       Duration retryAfter, long startedNanos) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        // Neither flushed nor given its length (writing that many bytes would commit it): a response committed while
        // Grizzly serves an upgrade request goes out without its Content-Type. The container sends it, whole and
        // with its length, once the filter returns.
        String id = fill(response, 429, "too-many-requests", "Too many requests", detail, request.getRequestURI(),
                false);
        RequestIdFilter.log(id, request.getMethod(), request.getRequestURI(), 429,
                (System.nanoTime() - startedNanos) / 1000, null);
    }

    /** Writes the problem with a new request id, which it returns (for the access log). */
    static String write(HttpServletResponse response, int status, String type, String title, String detail,
                        String instance) throws IOException {
        String id = fill(response, status, type, title, detail, instance, true);
        response.flushBuffer();
        return id;
    }

    /** Sets the status and headers and writes the problem; it commits the response only if it declares its length. */
    private static String fill(HttpServletResponse response, int status, String type, String title, String detail,
                               String instance, boolean declareLength) throws IOException {
        String id = RequestIdFilter.newId();
        String body = JSON.createObjectBuilder()
                .add("type", "/problems/" + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("instance", instance)
                .add("requestId", id)
                .add("errors", JSON.createArrayBuilder())
                .build().toString();
        response.setStatus(status);
        response.setHeader(RequestIdFilter.HEADER, id);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"creative-cities-commons\"");
        }
        response.setContentType(Problem.MEDIA_TYPE);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (declareLength) {
            response.setContentLength(bytes.length);
        }
        response.getOutputStream().write(bytes);
        return id;
    }
}
