package org.creativecities.citypages.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.creativecities.citypages.CityPageException;
import org.creativecities.core.platform.web.Problem;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.ProblemExceptionMapper;

/** Writes the city pages' failures as problem documents, in the same shape as the core's. */
@Provider
public class CityPagesExceptionMapper implements ExceptionMapper<CityPageException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(CityPageException e) {
        String type = switch (e.status()) {
            case 400 -> "/problems/validation";
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            case 412 -> "/problems/precondition-failed";
            default -> "/problems/city-pages";
        };
        ProblemException problem = new ProblemException(e.status(), type, e.title(), e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList(), null);
        return ProblemExceptionMapper.problem(request, problem);
    }
}
