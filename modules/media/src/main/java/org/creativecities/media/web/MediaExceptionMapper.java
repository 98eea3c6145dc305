package org.creativecities.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.creativecities.core.platform.web.ProblemExceptionMapper;
import org.creativecities.media.MediaException;

/** Writes media refusals as the core writes every problem, plus the {@code Content-Range} a 416 must carry. */
@Provider
public class MediaExceptionMapper implements ExceptionMapper<MediaException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(MediaException exception) {
        Response problem = ProblemExceptionMapper.problem(request, exception);
        return exception.contentRange().map(range -> Response.fromResponse(problem).header("Content-Range", range)
                .build()).orElse(problem);
    }
}
