package org.creativecities.app.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The WebSocket wire format, for test clients over a plain socket that must do what the JDK's client will not
 * (stop reading at the TCP level, declare lengths they never send): the handshake with a live ticket, masked frame
 * headers and reading the server's frames.
 */
public final class RawWebSocket {

    /** A frame the server sent. */
    public record Frame(int opcode, byte[] payload) {

        public boolean isClose() {
            return opcode == 0x8;
        }

        public boolean isText() {
            return opcode == 0x1;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame (1005 when it carries none). */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private RawWebSocket() {
    }

    /**
     * Upgrades the connected socket to a live connection with the ticket, and reads the answer's head.
     *
     * @param key16 sixteen ASCII characters for {@code Sec-WebSocket-Key}
     * @throws IllegalStateException when the server does not answer 101
     */
    public static void handshake(Socket socket, URI base, String ticket, String key16) throws IOException {
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString(key16.getBytes(StandardCharsets.US_ASCII));
        out.write(("GET /ws?ticket=" + ticket + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String status = readLine(in);
        if (!status.contains(" 101 ")) {
            throw new IllegalStateException("handshake answered " + status);
        }
        while (!readLine(in).isEmpty()) {
            // the rest of the answer's headers
        }
    }

    /** A masked frame header (as a client must send) that declares {@code length} payload bytes. */
    public static byte[] header(int opcode, boolean fin, long length, byte[] mask) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write((fin ? 0x80 : 0) | opcode);
        if (length < 126) {
            h.write(0x80 | (int) length);
        } else if (length <= 0xffff) {
            h.write(0x80 | 126);
            h.write((int) (length >>> 8) & 0xff);
            h.write((int) length & 0xff);
        } else {
            h.write(0x80 | 127);
            for (int i = 0; i < 8; i++) {
                h.write((int) (length >>> (56 - 8 * i)) & 0xff);
            }
        }
        h.writeBytes(mask);
        return h.toByteArray();
    }

    /** A whole masked text frame. */
    public static byte[] textFrame(String text, byte[] mask) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(header(0x1, true, payload.length, mask));
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /** The server's next frame (servers do not mask), or null when the connection ended. */
    public static Frame read(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            return null;
        }
        long length = b1 & 0x7f;
        if (length == 126) {
            length = ((long) in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        return new Frame(b0 & 0x0f, in.readNBytes((int) length));
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
}
