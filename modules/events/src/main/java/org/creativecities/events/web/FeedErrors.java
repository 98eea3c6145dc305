package org.creativecities.events.web;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Problem documents for the calendar feeds, served outside JAX-RS. */
final class FeedErrors {

    private FeedErrors() {
    }

    static void send(HttpServletResponse response, int status, String title, String detail) throws IOException {
        byte[] body = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status)
                .add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (status == 429) {
            response.setHeader("Retry-After", String.valueOf(EventsExceptionMapper.RETRY_AFTER.toSeconds()));
        }
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
