package org.creativecities.app.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.RawWebSocket;

/**
 * A live client over a plain socket that reads nothing after the handshake until told to, at the TCP level, with a
 * small receive buffer: the server's writes to it stop making progress once the socket buffers are full. It stands
 * for a consumer that stopped reading, or (with {@link #startReading}) for a healthy client that was busy for a
 * while. (The JDK's WebSocket client keeps draining the socket into memory even when the application asks for no
 * more frames, so it cannot stand for either.)
 */
final class StalledClient implements AutoCloseable {

    private final Socket socket = new Socket();
    private final List<JsonObject> frames = new ArrayList<>();
    private volatile boolean ended;

    private static final byte[] MASK = {0x13, 0x37, 0x42, 0x7f};

    /** Connects with the ticket and completes the handshake; from then on nothing is read. */
    StalledClient(URI base, String ticket) {
        try {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            RawWebSocket.handshake(socket, base, ticket, "stalled-test-k16");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one text frame (masked, as a client must). */
    void send(String text) {
        try {
            socket.getOutputStream().write(RawWebSocket.textFrame(text, MASK));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits (after {@link #startReading}) until the connection ends: the server closed it, or reset it.
     *
     * @return false if it is still open after {@code waitMillis}
     */
    boolean awaitEnd(long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        synchronized (frames) {
            while (!ended) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                frames.wait(left);
            }
            return true;
        }
    }

    /** Starts reading again, on a thread of its own: every text frame is kept, until the connection ends. */
    void startReading() {
        Thread t = new Thread(() -> {
            try {
                InputStream in = socket.getInputStream();
                for (RawWebSocket.Frame f = RawWebSocket.read(in); f != null && !f.isClose();
                     f = RawWebSocket.read(in)) {
                    if (f.isText()) {
                        JsonObject frame = Api.parse(f.text()).asJsonObject();
                        synchronized (frames) {
                            frames.add(frame);
                            frames.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the connection ended
            } finally {
                ended = true;
                synchronized (frames) {
                    frames.notifyAll();
                }
            }
        }, "stalled-client-reader");
        t.setDaemon(true);
        t.start();
    }

    /** Waits (after {@link #startReading}) until a frame matches; false if none did within the wait or it ended. */
    boolean await(Predicate<JsonObject> match, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        synchronized (frames) {
            int seen = 0;
            while (true) {
                for (; seen < frames.size(); seen++) {
                    if (match.test(frames.get(seen))) {
                        return true;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || ended) {
                    return false;
                }
                frames.wait(left);
            }
        }
    }

    /** How many frames received so far match. */
    long count(Predicate<JsonObject> match) {
        synchronized (frames) {
            return frames.stream().filter(match).count();
        }
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that is gone: nothing left to do
        }
    }
}
