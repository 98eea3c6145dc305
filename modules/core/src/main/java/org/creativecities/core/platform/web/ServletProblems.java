package org.creativecities.core.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem document straight onto a servlet response, for answers given outside JAX-RS (the first filter's
 * refusals, the container's error pages); same shape as {@link Problems}.
 */
final class ServletProblems {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private ServletProblems() {
    }

    /** Writes the problem with a new request id, which it returns (for the access log). */
    static String write(HttpServletResponse response, int status, String type, String title, String detail,
                        String instance) throws IOException {
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
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
        return id;
    }
}
