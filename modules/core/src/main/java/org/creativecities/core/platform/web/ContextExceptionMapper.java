package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.creativecities.core.platform.ContextException;

/** Writes the expected failure of any context built on the core as a problem document, field errors included. */
@Provider
public class ContextExceptionMapper implements ExceptionMapper<ContextException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(ContextException e) {
        String type = switch (e.status()) {
            case 400 -> "/problems/validation";
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            case 409 -> "/problems/conflict";
            case 412 -> "/problems/precondition-failed";
            case 429 -> "/problems/too-many-requests";
            default -> "/problems/" + e.context();
        };
        ProblemException problem = new ProblemException(e.status(), type, e.title(), e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList(),
                e.status() == 429 ? ContextException.RETRY_AFTER : null);
        return ProblemExceptionMapper.problem(request, problem);
    }
}
