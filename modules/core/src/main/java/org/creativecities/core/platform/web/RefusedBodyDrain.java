package org.creativecities.core.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body, if the application stops reading it halfway and refuses it, is read to its end and dropped
 * before the connection closes.
 *
 * <p>An answer decided in the middle of a body (a parser that stops at the first bad byte, a depth limit) closes the
 * connection ({@code Connection: close}). Closing a socket that still has unread bytes makes the kernel reset it
 * instead of ending it, and a client that is still sending then loses the answer already on its way ("header parser
 * received no bytes"). RFC 9112 section 9.6 asks a server to close in stages for that reason; reading the rest first
 * is that stage.
 *
 * <p>Only a body the application started reading and did not finish is drained: the client is then sending it. A body
 * refused before its first byte was read (from the head alone, or a quota) is left alone, as the client may never
 * send it. Never for a caller who was not let in (401, 403: their body is never read), nor for a body refused for its
 * size or larger than a JSON body may be (a plugin jar); never more than that limit, and not past
 * {@link #MAX_WAIT_NANOS} between reads.
 */
final class RefusedBodyDrain extends HttpServletRequestWrapper {

    static final long MAX_WAIT_NANOS = 5_000_000_000L;

    private Counting input;

    RefusedBodyDrain(HttpServletRequest request) {
        super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (input == null) {
            input = new Counting(super.getInputStream());
        }
        return input;
    }

    /**
     * Whether the rest of the body, refused with {@code status}, is read before the connection closes.
     *
     * @param max the largest body that is drained: the limit of a JSON body
     */
    boolean worthDraining(int status, long max) {
        return input != null && input.count > 0 && !input.finished && status != 401 && status != 403
                && status != 413 && getContentLengthLong() <= max && !isAsyncStarted();
    }

    /**
     * Reads and drops up to {@code max} more bytes of the body, before the answer is sent: a client that is still
     * sending may not be ready to read it.
     */
    void drain(long max) {
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        try {
            int n;
            while (read <= max && System.nanoTime() < deadline && (n = input.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException gone) {
            // The client went away: nothing is left to protect.
        }
    }

    /** The container's body stream, counting what is read and noting its end; closing it is left to the container. */
    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long count;
        private boolean finished;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                finished = true;
            } else {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                finished = true;
            } else {
                count += n;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return finished || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        /**
         * Does not close the container's stream: JAX-RS closes the body once its reader gave up, and the container's
         * stream then reads nothing more, which left the rest unread. The container closes it when the request ends.
         */
        @Override
        public void close() {
            // Kept open for drain(); see above.
        }
    }
}
