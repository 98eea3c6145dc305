package org.creativecities.core.platform;

import java.time.Duration;
import java.util.List;

/**
 * An expected failure of a use case of a context built on the core (works, events, city pages, notifications):
 * not found, not allowed, invalid input, a conflict with the state of things. Each context extends it with the
 * factories its services need; the web layer writes every one as an {@code application/problem+json} document
 * ({@code core.platform.web.ContextExceptionMapper}), so a context's services never see HTTP. Its messages are
 * written for the person who made the request.
 */
public abstract class ContextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How long a client waits after a 429 (an anonymous reader past a read limit). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    /** One invalid input: the field (or query parameter) and why it was refused. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;

    protected ContextException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** The context's name, for the problem type of a status no common type covers ({@code /problems/<name>}). */
    public abstract String context();

    /** The HTTP status the web layer answers with. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
