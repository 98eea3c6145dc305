package org.creativecities.projects;

import java.util.List;
import org.creativecities.core.platform.ContextException;

/**
 * An expected failure of a projects use case (not found, not allowed, invalid input, a conflict with the project's
 * state). The web layer writes it as an {@code application/problem+json} document; its messages are written for
 * the person who made the request.
 */
public class ProjectsException extends ContextException {

    private static final long serialVersionUID = 1L;

    public ProjectsException(int status, String title, String detail, List<FieldError> errors) {
        super(status, title, detail, errors);
    }

    /** No such project (or need, or member). */
    public static ProjectsException notFound(String what, String id) {
        return new ProjectsException(404, what + " not found", "No " + what.toLowerCase(java.util.Locale.ROOT)
                + " with id '" + id + "'.", List.of());
    }

    public static ProjectsException invalid(String field, String message) {
        return new ProjectsException(400, "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProjectsException forbidden(String detail) {
        return new ProjectsException(403, "Not allowed", detail, List.of());
    }

    public static ProjectsException conflict(String title, String detail) {
        return new ProjectsException(409, title, detail, List.of());
    }

    @Override
    public String context() {
        return "projects";
    }
}
