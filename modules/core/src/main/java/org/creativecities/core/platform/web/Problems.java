package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** Builds problem responses; the one place that knows the wire shape of an error. */
final class Problems {

    private Problems() {
    }

    static Response response(HttpServletRequest request, int status, String type, String title, String detail,
                             List<Problem.FieldError> errors, Duration retryAfter) {
        String instance = request == null ? null : request.getRequestURI();
        String requestId = request == null ? null : (String) request.getAttribute(RequestIdFilter.ATTRIBUTE);
        Problem problem = new Problem(type, title, status, detail, instance, requestId, errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            builder.header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"creative-cities-commons\"");
        }
        return builder.build();
    }

    static Response response(HttpServletRequest request, ProblemException e) {
        return response(request, e.status(), e.type(), e.title(), e.getMessage(), e.errors(),
                e.retryAfter().orElse(null));
    }
}
