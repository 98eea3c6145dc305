package org.creativecities.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An attacker's WebSocket (the mixed attack, {@link Attack}): a blocking socket from a chosen source address, a
 * reader thread that tallies what the server answers (error frames by code, acks, the close code), and writes of
 * any frame — including frames that are not JSON, not UTF-8, or 10 MiB long, streamed from one small buffer.
 *
 * <p>It never hangs: the handshake and reads have time limits, and {@link #close()} ends a write that the server
 * stopped reading.
 */
final class RawWs implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("\"code\":\"([a-z-]+)\"");

    private final Socket socket;
    private final OutputStream out;
    private final Consumer<String> outcomes;
    private volatile boolean open = true;
    private volatile boolean closedByUs;

    /**
     * Connects and upgrades (with {@code token} as bearer, or as a visitor when null); {@code outcomes} receives
     * one short word per thing the server says: {@code hello}, {@code welcome}, {@code ack}, {@code message},
     * {@code error:<code>}, {@code close:<code>}, {@code eof} (the server ended the connection without a close
     * frame; nothing when we closed it).
     */
    RawWs(InetAddress local, URI ws, String token, Consumer<String> outcomes) throws IOException {
        this.outcomes = outcomes;
        socket = new Socket();
        try {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            LoadConnections.handshake(socket.getInputStream(), out, ws, token);
            socket.setSoTimeout(0);
        } catch (IOException | RuntimeException e) {
            RawHttp.closeQuietly(socket);
            throw e;
        }
        Thread reader = new Thread(this::readLoop, "attack-ws-reader");
        reader.setDaemon(true);
        reader.start();
    }

    boolean isOpen() {
        return open;
    }

    private void readLoop() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int b0 = in.readUnsignedByte();
                long len = in.readUnsignedByte() & 0x7f;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] payload = readPayload(in, len);
                int opcode = b0 & 0x0f;
                if (opcode == 8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    outcomes.accept("close:" + code);
                    break;
                } else if (opcode == 9) {
                    write(0x8A, payload);
                } else if (opcode == 1) {
                    outcomes.accept(kind(new String(payload, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            if (!closedByUs) {
                outcomes.accept("eof");
            }
        } finally {
            open = false;
            RawHttp.closeQuietly(socket);
        }
    }

    /** Reads a payload; only the first 64 KiB are kept (a server frame is never larger than a message). */
    private static byte[] readPayload(DataInputStream in, long len) throws IOException {
        byte[] keep = new byte[(int) Math.min(len, 64 * 1024)];
        in.readFully(keep);
        for (long left = len - keep.length; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                throw new IOException("end of stream in a frame");
            }
            left -= skipped;
        }
        return keep;
    }

    private static String kind(String text) {
        if (text.startsWith("{\"type\":\"error\"")) {
            Matcher m = CODE.matcher(text);
            return "error:" + (m.find() ? m.group(1) : "?");
        }
        int end = text.indexOf('"', 9);
        return text.startsWith("{\"type\":\"") && end > 0 ? text.substring(9, end) : "other";
    }

    /** Sends one text frame; false if the connection is gone. */
    boolean text(String text) {
        return send(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one frame of {@code opcode} (with FIN) carrying {@code payload}; false if the connection is gone. */
    boolean send(int b0, byte[] payload) {
        try {
            write(b0, payload);
            return true;
        } catch (IOException e) {
            open = false;
            return false;
        }
    }

    /** Announces a text frame of {@code length} bytes and streams it ({@code fill} repeated); false once gone. */
    boolean hugeText(long length, byte fill) {
        byte[] buf = new byte[64 * 1024];
        Arrays.fill(buf, fill);
        ScheduledFuture<?> kill = RawHttp.closeAfter(socket, 60_000);
        try {
            synchronized (this) {
                out.write(header(0x81, length));
                for (long left = length; left > 0; left -= Math.min(left, buf.length)) {
                    out.write(buf, 0, (int) Math.min(left, buf.length));
                }
                out.flush();
            }
            return true;
        } catch (IOException e) {
            open = false;
            return false;
        } finally {
            kill.cancel(false);
        }
    }

    private synchronized void write(int b0, byte[] payload) throws IOException {
        out.write(header(b0, payload.length));
        out.write(payload); // mask key 0: the payload goes as it is
        out.flush();
    }

    /** A masked client frame's header with the mask key 0. */
    private static byte[] header(int b0, long length) {
        ByteBuffer b = ByteBuffer.allocate(14);
        b.put((byte) b0);
        if (length < 126) {
            b.put((byte) (0x80 | length));
        } else if (length < 65536) {
            b.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            b.put((byte) (0x80 | 127)).putLong(length);
        }
        b.putInt(0);
        return Arrays.copyOf(b.array(), b.position());
    }

    @Override
    public void close() {
        closedByUs = true;
        open = false;
        RawHttp.closeQuietly(socket);
    }
}
