package org.creativecities.core.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An expected failure that the API reports to the client as a problem document. Domain services throw
 * it (through the factory methods) and {@link ProblemExceptionMapper} writes it.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Problem.FieldError> errors;
    private final transient Duration retryAfter;
    private transient EdgeRefusals.Scope edgeScope;

    public ProblemException(int status, String type, String title, String detail,
                            List<Problem.FieldError> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException badRequest(String title, String detail) {
        return new ProblemException(400, "/problems/bad-request", title, detail, List.of(), null);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "/problems/validation", "Invalid input", detail, errors, null);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "/problems/unauthorized", "Authentication required", detail, List.of(), null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Not allowed", detail, List.of(), null);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "/problems/not-found", what + " not found",
                "No " + what.toLowerCase(java.util.Locale.ROOT) + " with id '" + id + "'.", List.of(), null);
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(409, "/problems/conflict", title, detail, List.of(), null);
    }

    public static ProblemException tooMany(String detail, Duration retryAfter) {
        return new ProblemException(429, "/problems/too-many-requests", "Too many requests", detail, List.of(),
                retryAfter);
    }

    /**
     * Marks a 429 from a rate limit as one to repeat at the edge: until its {@code Retry-After} has passed, the same
     * request (method and path) from the same client (by {@code scope}) is refused before the application reads it
     * (see {@link EdgeRefusals}). Only for limits whose key is that scope alone, never for slow-downs that depend on
     * the body (a sign-in's email).
     *
     * @return this problem
     */
    public ProblemException repeatAtEdge(EdgeRefusals.Scope scope) {
        this.edgeScope = scope;
        return this;
    }

    /** The scope to repeat this refusal for at the edge, if it is to be repeated. */
    public Optional<EdgeRefusals.Scope> edgeScope() {
        return Optional.ofNullable(edgeScope);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
