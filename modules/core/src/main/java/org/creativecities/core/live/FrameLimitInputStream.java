package org.creativecities.core.live;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A WebSocket connection's input, cut at the first frame that makes a message too big: the bytes before that frame
 * are handed on; then the connection is closed (once) and nothing more is read, so the rest of the frame is neither
 * read nor buffered.
 */
final class FrameLimitInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final InboundFrameScanner scanner;
    private final Runnable closeTooBig;
    private volatile boolean closing;

    FrameLimitInputStream(ServletInputStream in, InboundFrameScanner scanner, Runnable closeTooBig) {
        this.in = in;
        this.scanner = scanner;
        this.closeTooBig = closeTooBig;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (scanner.tooBig()) {
            closeOnce();
            return 0;
        }
        int n = in.read(bytes, offset, length);
        if (n <= 0) {
            return n;
        }
        int handedOn = scanner.scan(bytes, offset, n);
        if (handedOn == 0 && scanner.tooBig()) {
            closeOnce();
        }
        return handedOn;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int available() throws IOException {
        return scanner.tooBig() ? 0 : in.available();
    }

    /**
     * Ready while there is input to read; and once more after a too-big frame was found behind bytes that were
     * handed on, so that the reader comes back and the connection gets closed; never after that.
     */
    @Override
    public boolean isReady() {
        if (scanner.tooBig()) {
            return !closing;
        }
        return in.isReady();
    }

    @Override
    public boolean isFinished() {
        return closing || in.isFinished();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    private void closeOnce() {
        if (!closing) {
            closing = true;
            closeTooBig.run();
        }
    }
}
