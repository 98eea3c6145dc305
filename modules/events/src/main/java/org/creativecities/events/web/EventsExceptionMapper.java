package org.creativecities.events.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.creativecities.core.platform.web.Problem;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.ProblemExceptionMapper;
import org.creativecities.events.EventsException;

/** Writes the events context's failures as problem documents, in the same shape as the core's. */
@Provider
public class EventsExceptionMapper implements ExceptionMapper<EventsException> {

    /** How long an anonymous reader waits after hitting the read limit. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(EventsException e) {
        String type = switch (e.status()) {
            case 400 -> "/problems/validation";
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            case 409 -> "/problems/conflict";
            case 429 -> "/problems/too-many-requests";
            default -> "/problems/events";
        };
        ProblemException problem = new ProblemException(e.status(), type, e.title(), e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList(),
                e.status() == 429 ? RETRY_AFTER : null);
        return ProblemExceptionMapper.problem(request, problem);
    }
}
