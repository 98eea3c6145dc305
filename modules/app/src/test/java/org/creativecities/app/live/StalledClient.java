package org.creativecities.app.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;

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

    /** Connects with the ticket and completes the handshake; from then on nothing is read. */
    StalledClient(URI base, String ticket) {
        try {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            String handshake = "GET /ws?ticket=" + ticket + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString("stalled-test-k16".getBytes(
                    StandardCharsets.US_ASCII)) + "\r\n\r\n";
            socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String status = readLine(in);
            if (!status.contains(" 101 ")) {
                throw new IllegalStateException("handshake answered " + status);
            }
            while (!readLine(in).isEmpty()) {
                // the rest of the handshake's headers
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one text frame (masked, as a client must). */
    void send(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = {0x13, 0x37, 0x42, 0x7f};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            socket.getOutputStream().write(frame.toByteArray());
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
                while (true) {
                    int b0 = in.read();
                    int b1 = in.read();
                    if (b0 < 0 || b1 < 0) {
                        break;
                    }
                    long length = b1 & 0x7f;
                    if (length == 126) {
                        length = (in.read() << 8) | in.read();
                    } else if (length == 127) {
                        length = 0;
                        for (int i = 0; i < 8; i++) {
                            length = (length << 8) | in.read();
                        }
                    }
                    byte[] payload = in.readNBytes((int) length);
                    int opcode = b0 & 0x0f;
                    if (opcode == 8) {
                        break;
                    }
                    if (opcode == 1) {
                        JsonObject frame = Api.parse(new String(payload, StandardCharsets.UTF_8)).asJsonObject();
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

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
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
