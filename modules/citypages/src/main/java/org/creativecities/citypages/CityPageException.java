package org.creativecities.citypages;

import java.util.List;
import java.util.Locale;

/**
 * An expected failure of a city page use case (no such city or version, not allowed, invalid input, a stale edit).
 * The web layer writes it as an {@code application/problem+json} document; its messages are written for the person
 * who made the request.
 */
public class CityPageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One invalid input: the field and why it was refused. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;

    public CityPageException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static CityPageException notFound(String what, String id) {
        return new CityPageException(404, what + " not found", "No " + what.toLowerCase(Locale.ROOT) + " '" + id
                + "'.", List.of());
    }

    public static CityPageException invalid(String field, String message) {
        return new CityPageException(400, "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** The edit was based on another version than the current one (If-Match). */
    public static CityPageException stale(int current) {
        return new CityPageException(412, "Changed meanwhile", "The page is at version " + current
                + " now; reload it, then apply your change again.", List.of());
    }

    public static CityPageException tooMany(String detail) {
        return new CityPageException(429, "Too many requests", detail, List.of());
    }

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
