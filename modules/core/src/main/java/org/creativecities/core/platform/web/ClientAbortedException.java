package org.creativecities.core.platform.web;

import java.io.IOException;

/**
 * The client went away before its request body was complete: the connection was closed or reset, or it ended
 * before the declared {@code Content-Length}. Thrown while the body is read ({@link RequestBodyLimitFilter} watches
 * every body), so whatever code reads it (a JSON reader, an upload copied to a file) fails with this in its causes;
 * {@link FallbackExceptionMapper} recognises it as the client's doing: one short log line, no stack trace, a 400,
 * and {@link ClientGoneResponse} drops the failure to write that answer to the closed connection.
 */
final class ClientAbortedException extends IOException {

    private static final long serialVersionUID = 1L;

    ClientAbortedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code e} or one of its causes is a body the client abandoned. */
    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientAbortedException) {
                return true;
            }
        }
        return false;
    }
}
