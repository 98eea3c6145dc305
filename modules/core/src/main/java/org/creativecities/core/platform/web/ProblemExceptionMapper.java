package org.creativecities.core.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes the problems that services raise on purpose, and hands rate-limit refusals to {@link EdgeRefusals}. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    private HttpServletRequest request;

    @Inject
    private EdgeRefusals edge;

    @Override
    public Response toResponse(ProblemException exception) {
        if (exception.status() == 429 && exception.retryAfter().isPresent()) {
            exception.edgeScope().ifPresent(scope -> edge.remember(request, scope, exception.retryAfter().get()));
        }
        return problem(request, exception);
    }

    /** The problem document for a problem raised on purpose; for mappers outside this package. */
    public static Response problem(HttpServletRequest request, ProblemException exception) {
        return Problems.response(request, exception);
    }
}
