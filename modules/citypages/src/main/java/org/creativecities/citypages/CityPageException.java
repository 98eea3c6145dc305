package org.creativecities.citypages;

import java.util.List;
import org.creativecities.core.platform.ContextException;
import java.util.Locale;

/**
 * An expected failure of a city page use case (no such city or version, not allowed, invalid input, a stale edit).
 * The web layer writes it as an {@code application/problem+json} document; its messages are written for the person
 * who made the request.
 */
public class CityPageException extends ContextException {

    private static final long serialVersionUID = 1L;

    public CityPageException(int status, String title, String detail, List<FieldError> errors) {
        super(status, title, detail, errors);
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

    @Override
    public String context() {
        return "city-pages";
    }
}
