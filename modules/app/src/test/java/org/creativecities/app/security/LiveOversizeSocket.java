package org.creativecities.app.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.creativecities.app.testkit.RawWebSocket;

/**
 * A live client over a plain socket that writes frame headers exactly as told, whatever they declare: one frame
 * header with a 10 MiB length, a payload that never comes, fragments of one message. The JDK's WebSocket client
 * cannot send these (it splits a long text into fragments of its own choosing). It reads the server's frames on the
 * caller's thread and reports the close code.
 */
final class LiveOversizeSocket implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    /** The close code the client reports when the connection ended without a close frame. */
    static final int NO_CLOSE_FRAME = -1;

    private static final byte[] MASK = {0x5a, 0x13, 0x7e, 0x21};
    private static final int CHUNK = 64 * 1024;

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oversize-frame-writer");
        t.setDaemon(true);
        return t;
    });

    /** Connects with the ticket, completes the handshake and reads the server's {@code hello} frame. */
    LiveOversizeSocket(URI base, String ticket) {
        try {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            RawWebSocket.handshake(socket, base, ticket, "oversize-test-16");
            String hello = readText();
            if (!hello.contains("\"hello\"")) {
                throw new IllegalStateException("expected hello, got " + hello);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a masked frame header that declares {@code length} payload bytes, then {@code send} bytes of that
     * payload ({@code x}s). Frames are written in order, on a thread of their own, so that a server that stops
     * reading cannot block the caller; write errors (the server closed the connection) end the writing quietly.
     */
    void sendFrame(int opcode, boolean fin, long length, long send) {
        writer.execute(() -> {
            try {
                out.write(RawWebSocket.header(opcode, fin, length, MASK));
                byte[] chunk = new byte[CHUNK];
                for (long sent = 0; sent < send; sent += CHUNK) {
                    int n = (int) Math.min(CHUNK, send - sent);
                    for (int i = 0; i < n; i++) {
                        chunk[i] = (byte) ('x' ^ MASK[(int) ((sent + i) % 4)]);
                    }
                    out.write(chunk, 0, n);
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection while the frame was being written
            }
        });
    }

    /** Sends a whole text frame of this many {@code x}s. */
    void sendText(long length) {
        sendFrame(TEXT, true, length, length);
    }

    /**
     * Reads the server's frames until its close frame and returns the close code, or {@link #NO_CLOSE_FRAME} when
     * the connection ends without one. Fails when nothing ends the connection within 30 s.
     */
    int awaitClose() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try {
            while (true) {
                // The server's pings keep the socket busy: the wait is bounded by a deadline, not by a read timeout.
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("the server did not close the connection within 30 s");
                }
                RawWebSocket.Frame frame = RawWebSocket.read(in);
                if (frame == null) {
                    return NO_CLOSE_FRAME;
                }
                if (frame.isClose()) {
                    return frame.closeCode();
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither closed nor answered within 30 s", e);
        } catch (SocketException reset) {
            return NO_CLOSE_FRAME;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readText() throws IOException {
        RawWebSocket.Frame frame = RawWebSocket.read(in);
        if (frame == null) {
            throw new IOException("connection ended");
        }
        return frame.text();
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that is gone: nothing left to do
        }
    }
}
