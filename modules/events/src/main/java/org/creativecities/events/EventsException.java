package org.creativecities.events;

import java.util.List;
import org.creativecities.core.platform.ContextException;

/**
 * An expected failure of an events use case (not found, not allowed, invalid input, a conflict with the event's
 * state). The web layer writes it as an {@code application/problem+json} document; its messages are written for
 * the person who made the request.
 */
public class EventsException extends ContextException {

    private static final long serialVersionUID = 1L;

    public EventsException(int status, String title, String detail, List<FieldError> errors) {
        super(status, title, detail, errors);
    }

    /** No such event, or one the caller may not see: the two are answered alike, so proposals stay private. */
    public static EventsException notFound(String what, String id) {
        return new EventsException(404, what + " not found", "No " + what.toLowerCase(java.util.Locale.ROOT)
                + " with id '" + id + "'.", List.of());
    }

    public static EventsException invalid(String field, String message) {
        return new EventsException(400, "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static EventsException forbidden(String detail) {
        return new EventsException(403, "Not allowed", detail, List.of());
    }

    public static EventsException conflict(String title, String detail) {
        return new EventsException(409, title, detail, List.of());
    }

    @Override
    public String context() {
        return "events";
    }
}
