package org.creativecities.core.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One server frame, encoded once for all its recipients: its JSON text and, on first use, its bytes on the wire
 * (a final, unmasked WebSocket text frame: RFC 6455 section 5.2). A broadcast is serialised and encoded once per
 * room, not once per recipient; every recipient's write reads the same bytes.
 */
final class OutFrame {

    private final String text;
    /** The frame on the wire, encoded on first use; immutable once set (a race encodes it twice, harmlessly). */
    private volatile byte[] wire;

    private OutFrame(String text) {
        this.text = text;
    }

    static OutFrame of(String text) {
        return new OutFrame(text);
    }

    /** The frame's JSON text. */
    String text() {
        return text;
    }

    /** Its length in characters (what the outbound queue's memory cap counts). */
    int chars() {
        return text.length();
    }

    /**
     * The whole frame as it goes on the wire: a view of the bytes shared by every recipient, which nobody writes to.
     * (Not a read-only buffer: Tyrus's servlet writer copies a buffer that has no accessible array, per write.)
     */
    ByteBuffer wire() {
        return ByteBuffer.wrap(bytes());
    }

    /** The frame's length on the wire, in bytes. */
    int wireLength() {
        return bytes().length;
    }

    /** Appends the frame's wire bytes to {@code into}, which has room for {@link #wireLength()} more. */
    void copyTo(ByteBuffer into) {
        into.put(bytes());
    }

    private byte[] bytes() {
        byte[] w = wire;
        if (w == null) {
            w = encode(text.getBytes(StandardCharsets.UTF_8));
            wire = w;
        }
        return w;
    }

    /** A final text frame (FIN + opcode 1), unmasked as a server's frames are, around this UTF-8 payload. */
    static byte[] encode(byte[] payload) {
        int n = payload.length;
        int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + n];
        out[0] = (byte) 0x81;
        if (n <= 125) {
            out[1] = (byte) n;
        } else if (n <= 0xFFFF) {
            out[1] = 126;
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        } else {
            out[1] = 127;
            long len = n;
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) (len >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, header, n);
        return out;
    }
}
