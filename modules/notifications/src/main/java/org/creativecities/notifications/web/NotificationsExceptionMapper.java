package org.creativecities.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.creativecities.core.platform.web.Problem;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.ProblemExceptionMapper;
import org.creativecities.notifications.NotificationsException;

/** Writes the notification centre's failures as problem documents, in the same shape as the core's. */
@Provider
public class NotificationsExceptionMapper implements ExceptionMapper<NotificationsException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(NotificationsException e) {
        String type = switch (e.status()) {
            case 400 -> "/problems/validation";
            case 404 -> "/problems/not-found";
            default -> "/problems/notifications";
        };
        ProblemException problem = new ProblemException(e.status(), type, e.title(), e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList(), null);
        return ProblemExceptionMapper.problem(request, problem);
    }
}
