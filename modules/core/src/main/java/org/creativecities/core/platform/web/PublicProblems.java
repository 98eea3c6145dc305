package org.creativecities.core.platform.web;

import jakarta.json.Json;
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

    /** Answers with the status, title and detail given. */
    public static void send(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        byte[] body = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status)
                .add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (status == 429) {
            response.setHeader("Retry-After", String.valueOf(ContextException.RETRY_AFTER.toSeconds()));
        }
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
