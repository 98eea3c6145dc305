package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.LogThrottle;

/**
 * The last line: any failure nobody planned for becomes a 500 problem that carries the request id and
 * no stack trace. The trace goes to the log under the same request id.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());
    /** Clients that go away can repeat at will: at most ten lines a minute, the next counting the rest. */
    private static final LogThrottle ABORTS = new LogThrottle(Duration.ofMinutes(1), 10, 2, System::nanoTime);

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        return respond(request, exception);
    }

    /** The answer to any failure: the problem a service meant, a conflict, or an internal error. */
    static Response respond(HttpServletRequest request, Throwable exception) {
        Throwable unwrapped = unwrap(exception);
        if (unwrapped instanceof ProblemException problem) {
            return Problems.response(request, problem);
        }
        if (exception instanceof ProcessingException && WebApplicationExceptionMapper.isUnreadableJson(exception)) {
            return WebApplicationExceptionMapper.malformed(request, exception);
        }
        if (isIntegrityViolation(exception)) {
            return Problems.response(request, 409, "/problems/conflict", "Conflict",
                    "The change conflicts with existing data; nothing was saved.", List.of(), null);
        }
        String requestId = request == null ? "-" : String.valueOf(request.getAttribute(RequestIdFilter.ATTRIBUTE));
        if (ClientAbortedException.isCause(exception)) {
            long omitted = ABORTS.admit("aborted");
            if (omitted >= 0) {
                LOG.info("The client went away before its request body was complete, requestId=" + requestId
                        + (omitted > 0 ? "; " + omitted + " more since the last line" : ""));
            }
            return Problems.response(request, 400, "/problems/incomplete-body", "Incomplete request body",
                    "The connection ended before the whole request body arrived.", List.of(), null);
        }
        LOG.log(Level.SEVERE, "Unhandled failure, requestId=" + requestId, exception);
        return Problems.response(request, 500, "/problems/internal", "Internal error",
                "The server could not complete the request. Quote request id " + requestId + " when reporting it.",
                List.of(), null);
    }

    /** A unique or foreign key constraint refused the write (SQLSTATE class 23), possibly deep inside. */
    static boolean isIntegrityViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** EJB and CDI interceptors wrap what a service threw; find the problem the service meant. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof ProblemException) {
                return t;
            }
        }
        return e;
    }
}
