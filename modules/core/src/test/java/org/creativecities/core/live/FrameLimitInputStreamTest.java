package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameLimitInputStreamTest {

    /** A 3-byte masked text frame, then the header of a 10 MiB one and a little of its payload. */
    private static final byte[] STREAM = {(byte) 0x81, (byte) 0x83, 1, 2, 3, 4, 'a', 'b', 'c',
        (byte) 0x81, (byte) 0xff, 0, 0, 0, 0, 0, (byte) 0xa0, 0, 0, 1, 2, 3, 4, 'x', 'x'};

    @Test
    void theBytesBeforeATooBigFrameGoOnThenTheConnectionIsClosedOnceAndNothingMoreIsRead() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        FrameLimitInputStream in = new FrameLimitInputStream(source(STREAM), new InboundFrameScanner(100),
                closes::incrementAndGet);
        byte[] buffer = new byte[64];
        assertEquals(9, in.read(buffer));
        assertEquals(0, closes.get());
        assertTrue(in.isReady(), "the reader comes back once more");
        assertEquals(0, in.read(buffer));
        assertEquals(1, closes.get());
        assertFalse(in.isReady());
        assertEquals(0, in.read(buffer));
        assertEquals(1, closes.get(), "closed once");
    }

    @Test
    void aTooBigFrameAtTheStartOfAReadClosesAtOnce() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        byte[] big = Arrays.copyOfRange(STREAM, 9, STREAM.length);
        FrameLimitInputStream in = new FrameLimitInputStream(source(big), new InboundFrameScanner(100),
                closes::incrementAndGet);
        assertEquals(0, in.read(new byte[64]));
        assertEquals(1, closes.get());
        assertFalse(in.isReady());
    }

    private static ServletInputStream source(byte[] bytes) {
        ByteArrayInputStream data = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return data.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return data.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return data.available() == 0;
            }

            @Override
            public boolean isReady() {
                return data.available() > 0;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                // not needed: reads are made directly
            }
        };
    }
}
