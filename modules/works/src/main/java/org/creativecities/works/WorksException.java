package org.creativecities.works;

import java.util.List;
import org.creativecities.core.platform.ContextException;

/**
 * An expected failure of a works use case (not found, not allowed, invalid input, a conflict with the work's
 * state). The web layer writes it as an {@code application/problem+json} document; its messages are written for
 * the person who made the request.
 */
public class WorksException extends ContextException {

    private static final long serialVersionUID = 1L;

    public WorksException(int status, String title, String detail, List<FieldError> errors) {
        super(status, title, detail, errors);
    }

    /** No such work, or one the caller may not see: the two are answered alike, so drafts stay secret. */
    public static WorksException notFound(String what, String id) {
        return new WorksException(404, what + " not found", "No " + what.toLowerCase(java.util.Locale.ROOT)
                + " with id '" + id + "'.", List.of());
    }

    public static WorksException invalid(String field, String message) {
        return new WorksException(400, "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static WorksException forbidden(String detail) {
        return new WorksException(403, "Not allowed", detail, List.of());
    }

    public static WorksException conflict(String title, String detail) {
        return new WorksException(409, title, detail, List.of());
    }

    @Override
    public String context() {
        return "works";
    }
}
