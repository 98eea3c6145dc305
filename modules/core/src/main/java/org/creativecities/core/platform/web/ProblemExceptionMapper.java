package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes the problems that services raise on purpose. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(ProblemException exception) {
        return problem(request, exception);
    }

    /** The problem document for a problem raised on purpose; for mappers outside this package. */
    public static Response problem(HttpServletRequest request, ProblemException exception) {
        return Problems.response(request, exception);
    }
}
