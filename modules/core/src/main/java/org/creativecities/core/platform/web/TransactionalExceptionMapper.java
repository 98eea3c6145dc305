package org.creativecities.core.platform.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code @Transactional} method whose commit failed (a constraint refused the write at commit time) ends
 * in a {@link TransactionalException}. Jersey's own mapper for it rethrows it when no other mapper claims it,
 * and the container then answers an HTML 500 page; this one, preferred by its priority, gives the same
 * problem answers as {@link FallbackExceptionMapper}: 409 for a refused write, the service's problem if it
 * threw one, else a 500 problem.
 */
@Provider
@Priority(1)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(TransactionalException exception) {
        return FallbackExceptionMapper.respond(request, exception);
    }
}
