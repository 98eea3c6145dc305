package org.creativecities.core.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.creativecities.core.platform.ContextException;

/**
 * Problem answers written by the contexts' plain servlets and filters (public pages, Atom and iCalendar feeds),
 * which JAX-RS's exception mappers do not reach: a short {@code application/problem+json} document, with
 * {@code Retry-After} on a 429.
 */
public final class PublicProblems {

    private PublicProblems() {
    }

    /** Answers a context's expected failure. */
    public static void send(HttpServletResponse response, ContextException e) throws IOException {
        send(response, e.status(), e.title(), e.getMessage());
    }

    /**
     * Answers with a problem raised on purpose, in the same document as the JAX-RS operations write it (its type,
     * its field errors, the request's path and id), e.g. {@link StrictQueryParameters#unknown}'s.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, ProblemException e)
            throws IOException {
        Problem p = Problems.problem(request, e.status(), e.type(), e.title(), e.getMessage(), e.errors());
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", p.type()).add("title", p.title())
                .add("status", p.status()).add("detail", p.detail());
        if (p.instance() != null) {
            json.add("instance", p.instance());
        }
        if (p.requestId() != null) {
            json.add("requestId", p.requestId());
        }
        JsonArrayBuilder errors = Json.createArrayBuilder();
        p.errors().forEach(f -> errors.add(Json.createObjectBuilder().add("field", f.field())
                .add("message", f.message())));
        e.retryAfter().ifPresent(wait -> response.setHeader("Retry-After",
                String.valueOf(Problems.retryAfterSeconds(wait))));
        write(response, p.status(), json.add("errors", errors).build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with the status, title and detail given. */
    public static void send(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        byte[] body = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status)
                .add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        if (status == 429) {
            response.setHeader("Retry-After", String.valueOf(ContextException.RETRY_AFTER.toSeconds()));
        }
        write(response, status, body);
    }

    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
