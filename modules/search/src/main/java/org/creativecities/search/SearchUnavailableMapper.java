package org.creativecities.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.ProblemExceptionMapper;

/** Answers a search made while the index is not open with 503 and a problem document. */
@Provider
public class SearchUnavailableMapper implements ExceptionMapper<SearchUnavailableException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(SearchUnavailableException exception) {
        return ProblemExceptionMapper.problem(request, new ProblemException(503, "/problems/search-unavailable",
                "Search unavailable", exception.getMessage(), List.of(), Duration.ofSeconds(5)));
    }
}
