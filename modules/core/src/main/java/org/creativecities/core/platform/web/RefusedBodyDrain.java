package org.creativecities.core.platform.web;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Reads and discards what is left of a refused request body before the connection closes.
 *
 * <p>An answer decided before the whole body was read (a parser that stops at the first bad byte, a depth limit) closes
 * the connection ({@code Connection: close}). Closing a socket that still has unread bytes makes the kernel reset it
 * instead of ending it, and a client that is still sending then loses the answer already on its way ("header parser
 * received no bytes"). RFC 9112 section 9.6 asks a server to close in stages for that reason; reading the rest first
 * is that stage. It is bounded: never for a caller who was not let in (401, 403: their body is never read), nor for a
 * body refused for its size or larger than a JSON body may be (a plugin jar); never more than that limit, and never
 * longer than {@link #MAX_WAIT_NANOS} once reading started, so a client cannot hold the thread by trickling bytes.
 */
final class RefusedBodyDrain {

    static final long MAX_WAIT_NANOS = 5_000_000_000L;

    private RefusedBodyDrain() {
    }

    /**
     * Whether the rest of a body refused with {@code status} is read before the connection closes.
     *
     * @param max the largest body that is drained: the limit of a JSON body
     */
    static boolean worthDraining(HttpServletRequest request, int status, long max) {
        return status != 401 && status != 403 && status != 413 && request.getContentLengthLong() <= max;
    }

    /**
     * Reads and drops up to {@code max} more bytes of the request body, before the answer is sent: a client that is
     * still sending may not be ready for it.
     *
     * @param max the most that is read
     */
    static void drain(HttpServletRequest request, long max) {
        if (request.isAsyncStarted()) {
            return;
        }
        try {
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long read = 0;
            long deadline = System.nanoTime() + MAX_WAIT_NANOS;
            int n;
            while (read <= max && System.nanoTime() < deadline && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException gone) {
            // The client went away, or the body was read as characters: nothing is left to protect.
        }
    }
}
