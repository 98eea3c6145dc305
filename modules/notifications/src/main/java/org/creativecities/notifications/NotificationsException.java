package org.creativecities.notifications;

import java.util.List;
import org.creativecities.core.platform.ContextException;

/**
 * An expected failure of a notification centre use case (invalid input, not found). The web layer writes it as an
 * {@code application/problem+json} document; its messages are written for the person who made the request.
 */
public class NotificationsException extends ContextException {

    private static final long serialVersionUID = 1L;

    public NotificationsException(int status, String title, String detail, List<FieldError> errors) {
        super(status, title, detail, errors);
    }

    /** No such thing, or one the caller may not see: the two are answered alike. */
    public static NotificationsException notFound(String what, String id) {
        return new NotificationsException(404, what + " not found", "No " + what.toLowerCase(java.util.Locale.ROOT)
                + " with id '" + id + "' that you can see.", List.of());
    }

    /** The caller is signed in but may not do this. */
    public static NotificationsException forbidden(String detail) {
        return new NotificationsException(403, "Forbidden", detail, List.of());
    }

    /** The caller did this too often; the answer says when to try again. */
    public static NotificationsException tooMany(String detail) {
        return new NotificationsException(429, "Too many requests", detail, List.of());
    }

    public static NotificationsException invalid(String field, String message) {
        return new NotificationsException(400, "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** Several fields at once, so that a form can mark every one to correct. */
    public static NotificationsException invalid(List<FieldError> errors) {
        return new NotificationsException(400, "Invalid input", errors.size() == 1 ? errors.get(0).field() + ": "
                + errors.get(0).message() : "Correct these fields: " + String.join(", ",
                errors.stream().map(FieldError::field).toList()) + ".", errors);
    }

    @Override
    public String context() {
        return "notifications";
    }
}
