package org.creativecities.core.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A response whose client may already be gone: it closed the connection in the middle of its request body, or the
 * container closed it after refusing an earlier request on it. Writing the answer then fails, and JAX-RS logs that
 * failure as SEVERE with a stack trace, for something only the client did. Nobody is left to read the answer, so a
 * failed write is dropped (with a FINE line), and so is everything written after it.
 */
class ClientGoneResponse extends HttpServletResponseWrapper {

    private static final Logger LOG = Logger.getLogger(ClientGoneResponse.class.getName());

    private boolean gone;

    ClientGoneResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return new Output(super.getOutputStream());
    }

    @Override
    public void flushBuffer() throws IOException {
        if (gone) {
            return;
        }
        try {
            super.flushBuffer();
        } catch (IOException e) {
            gone(e);
        }
    }

    private void gone(IOException e) {
        if (!gone && LOG.isLoggable(Level.FINE)) {
            LOG.fine("The client went away before its answer was written: " + e.getMessage());
        }
        gone = true;
    }

    /** The container's stream, for as long as the client is there. */
    private final class Output extends ServletOutputStream {

        private final ServletOutputStream out;

        Output(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (!gone) {
                try {
                    out.write(b);
                } catch (IOException e) {
                    gone(e);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!gone) {
                try {
                    out.write(bytes, offset, length);
                } catch (IOException e) {
                    gone(e);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (!gone) {
                try {
                    out.flush();
                } catch (IOException e) {
                    gone(e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                gone(e);
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
