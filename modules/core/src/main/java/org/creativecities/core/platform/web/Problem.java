package org.creativecities.core.platform.web;

import java.util.List;

/**
 * An RFC 9457 problem details document, written as {@code application/problem+json}.
 *
 * @param type     a URI reference naming the kind of problem
 * @param title    a short, human-readable summary of that kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong in this occurrence
 * @param instance the request path
 * @param requestId the id of the request, also sent as {@code X-Request-Id}
 * @param errors   for validation problems, one entry per offending field; otherwise empty
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid input.
     *
     * @param field   the field, query parameter or path of the value
     * @param message why it was refused
     */
    public record FieldError(String field, String message) {
    }
}
