package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class InboundFrameScannerTest {

    private static final int LIMIT = 100;

    @Test
    void framesWithinTheLimitPassWhole() {
        byte[] stream = concat(frame(0x1, true, 100), frame(0x9, true, 5), frame(0x2, true, 1));
        InboundFrameScanner s = new InboundFrameScanner(LIMIT);
        assertEquals(stream.length, s.scan(stream, 0, stream.length));
        assertFalse(s.tooBig());
    }

    @Test
    void aFrameOverTheLimitIsCaughtAtItsHeaderAndTheBytesBeforeItPass() {
        byte[] ok = frame(0x1, true, 10);
        byte[] big = header(0x1, true, 10L * 1024 * 1024);
        byte[] stream = concat(ok, big);
        InboundFrameScanner s = new InboundFrameScanner(LIMIT);
        assertEquals(ok.length, s.scan(stream, 0, stream.length));
        assertTrue(s.tooBig());
        assertEquals(0, s.scan(stream, 0, stream.length), "tripped for good");
    }

    @Test
    void headersSplitAcrossReadsAreFollowedByteByByte() {
        byte[] stream = concat(frame(0x1, true, 60), frame(0x1, true, 126), frame(0x1, true, 3));
        InboundFrameScanner s = new InboundFrameScanner(LIMIT);
        int passed = 0;
        for (int i = 0; i < stream.length && !s.tooBig(); i++) {
            passed += s.scan(stream, i, 1);
        }
        assertTrue(s.tooBig());
        // Of the 126-byte frame only the header bytes read before its length was complete went on: a partial header.
        assertEquals(frame(0x1, true, 60).length + 3, passed);
    }

    @Test
    void fragmentsCountTogetherAndControlFramesBetweenThemDoNot() {
        byte[] within = concat(frame(0x1, false, 50), frame(0xA, true, 100), frame(0x0, true, 50));
        InboundFrameScanner s = new InboundFrameScanner(LIMIT);
        assertEquals(within.length, s.scan(within, 0, within.length));
        assertFalse(s.tooBig());

        byte[] first = concat(frame(0x1, false, 50), frame(0x0, false, 50));
        byte[] over = concat(first, frame(0x0, true, 1));
        s = new InboundFrameScanner(LIMIT);
        assertEquals(first.length, s.scan(over, 0, over.length));
        assertTrue(s.tooBig());
    }

    @Test
    void aNewMessageStartsItsOwnCount() {
        byte[] stream = concat(frame(0x1, true, 90), frame(0x1, true, 90), frame(0x2, false, 90), frame(0x0, true, 10));
        InboundFrameScanner s = new InboundFrameScanner(LIMIT);
        assertEquals(stream.length, s.scan(stream, 0, stream.length));
        assertFalse(s.tooBig());
    }

    @Test
    void aLengthWithItsTopBitSetIsTooBig() {
        byte[] h = header(0x1, true, 0);
        h[1] = (byte) (0x80 | 127);
        byte[] stream = new byte[2 + 8];
        stream[0] = h[0];
        stream[1] = h[1];
        stream[2] = (byte) 0x80;
        InboundFrameScanner s = new InboundFrameScanner(LIMIT);
        assertEquals(0, s.scan(stream, 0, stream.length));
        assertTrue(s.tooBig());
    }

    @Test
    void unmaskedFramesAreFollowedToo() {
        byte[] unmasked = {(byte) 0x81, 3, 'a', 'b', 'c', (byte) 0x81, 126, 0, (byte) 200};
        InboundFrameScanner s = new InboundFrameScanner(LIMIT);
        assertEquals(5, s.scan(unmasked, 0, unmasked.length));
        assertTrue(s.tooBig());
    }

    private static byte[] frame(int opcode, boolean fin, int length) {
        return concat(header(opcode, fin, length), new byte[length]);
    }

    /** A masked frame header with its mask key. */
    private static byte[] header(int opcode, boolean fin, long length) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write((fin ? 0x80 : 0) | opcode);
        if (length < 126) {
            h.write(0x80 | (int) length);
        } else if (length <= 0xffff) {
            h.write(0x80 | 126);
            h.write((int) (length >>> 8));
            h.write((int) length & 0xff);
        } else {
            h.write(0x80 | 127);
            for (int i = 0; i < 8; i++) {
                h.write((int) (length >>> (56 - 8 * i)) & 0xff);
            }
        }
        h.writeBytes(new byte[] {1, 2, 3, 4});
        return h.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }
}
