package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds problem responses; the one place that knows the wire shape of an error. It is also the last guard on
 * what an error tells a client: a detail or field message that names a Java type or carries a stack frame
 * (an exception's message that slipped through) is replaced by a neutral sentence, and what a client sent
 * (a property name, say) is echoed shortened, so that an answer never grows with the request.
 */
final class Problems {

    /** A package-qualified name, an exception or DTO type, an inner class, or a stack frame. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile("\\b(java|javax|jakarta|org|com|sun|jdk)\\.[a-z]+\\."
            + "|[A-Z][a-zA-Z]+(Exception|Error|Dto|Dtos)\\b|\\$[A-Z]|\\bat [\\w$]+(\\.[\\w$]+)+\\(");

    /** The longest field name and detail an answer repeats. */
    private static final int MAX_FIELD = 100;
    private static final int MAX_DETAIL = 1000;

    private Problems() {
    }

    static Response response(HttpServletRequest request, int status, String type, String title, String detail,
                             List<Problem.FieldError> errors, Duration retryAfter) {
        Problem problem = problem(request, status, type, title, detail, errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfterSeconds(retryAfter));
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"creative-cities-commons\"");
        }
        return builder.build();
    }

    /** The problem document as a client may see it: what it sent shortened, nothing of the server's internals. */
    static Problem problem(HttpServletRequest request, int status, String type, String title, String detail,
                           List<Problem.FieldError> errors) {
        String instance = request == null ? null : request.getRequestURI();
        String requestId = request == null ? null : (String) request.getAttribute(RequestIdFilter.ATTRIBUTE);
        List<Problem.FieldError> shown = errors.stream()
                .map(e -> new Problem.FieldError(safe(shortened(e.field(), MAX_FIELD), JsonPaths.ROOT),
                        safe(shortened(e.message(), MAX_DETAIL), "invalid"))).toList();
        return new Problem(type, title, status, safe(shortened(detail, MAX_DETAIL), title + "."), instance,
                requestId, shown);
    }

    /** A {@code Retry-After} in whole seconds, rounded up, at least one. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String shortened(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The text, or {@code neutral} if the text gives away the server's internals. */
    static String safe(String text, String neutral) {
        return text != null && JAVA_INTERNALS.matcher(text).find() ? neutral : text;
    }

    static Response response(HttpServletRequest request, ProblemException e) {
        return response(request, e.status(), e.type(), e.title(), e.getMessage(), e.errors(),
                e.retryAfter().orElse(null));
    }
}
