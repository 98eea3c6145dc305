package org.creativecities.core.identity;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.ProblemExceptionMapper;
import org.creativecities.core.platform.web.WebApplicationExceptionMapper;

/**
 * Who is asking is checked before what is sent (issue 12, Medium 10), also where Jersey refuses a request while it
 * is still choosing the operation: an unsupported {@code Content-Type} (415) or an {@code Accept} it cannot produce
 * (406) is found before the name-bound filters ({@link SignedInFilter}, {@link AdminOnlyFilter}) run. When every
 * operation at the address with the request's method requires a right ({@link ProtectedOperations}), a visitor gets
 * 401 and an account without the right 403 instead; everyone else gets the 415 or 406.
 */
public final class CallerFirstMappers {

    private CallerFirstMappers() {
    }

    /** The shared check: the caller's problem if it lacks the right, otherwise the runtime's own answer. */
    abstract static class CallerFirst {

        @Inject
        private Caller caller;

        @Inject
        private ProtectedOperations operations;

        @Context
        private HttpServletRequest request;

        @Context
        private UriInfo uriInfo;

        Response answer(WebApplicationException exception) {
            ProtectedOperations.Right right = operations.required(request.getMethod(), uriInfo.getPath(false))
                    .orElse(ProtectedOperations.Right.NONE);
            try {
                if (right == ProtectedOperations.Right.ADMIN) {
                    caller.requireAdmin();
                } else if (right == ProtectedOperations.Right.SIGNED_IN) {
                    caller.require();
                }
            } catch (ProblemException refused) {
                return ProblemExceptionMapper.problem(request, refused);
            }
            return WebApplicationExceptionMapper.problem(request, exception);
        }
    }

    /** 415 only for callers who may call the operation. */
    @Provider
    public static class UnsupportedMediaType extends CallerFirst implements ExceptionMapper<NotSupportedException> {
        @Override
        public Response toResponse(NotSupportedException exception) {
            return answer(exception);
        }
    }

    /** 406 only for callers who may call the operation. */
    @Provider
    public static class NotAcceptable extends CallerFirst implements ExceptionMapper<NotAcceptableException> {
        @Override
        public Response toResponse(NotAcceptableException exception) {
            return answer(exception);
        }
    }
}
