package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutFrameTest {

    /** Reads one server frame as RFC 6455 section 5.2 defines it: FIN, opcode, no mask, the three length forms. */
    private static String decode(ByteBuffer b) {
        int first = b.get() & 0xFF;
        assertEquals(0x81, first, "FIN and text opcode");
        int second = b.get() & 0xFF;
        assertEquals(0, second & 0x80, "a server's frames are not masked");
        long length = second & 0x7F;
        if (length == 126) {
            length = b.getShort() & 0xFFFF;
        } else if (length == 127) {
            length = b.getLong();
        }
        assertEquals(length, b.remaining(), "the payload is exactly the announced length");
        byte[] payload = new byte[(int) length];
        b.get(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 70000})
    void everyLengthFormRoundTrips(int bytes) {
        String text = "a".repeat(bytes);
        assertEquals(text, decode(OutFrame.of(text).wire()));
        assertEquals(bytes + (bytes <= 125 ? 2 : bytes <= 65535 ? 4 : 10), OutFrame.of(text).wireLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"Zoë à Lyon\"}", "🎬 watch party", "日本語のテキスト"})
    void theLengthCountsUtf8BytesNotCharacters(String text) {
        assertEquals(text, decode(OutFrame.of(text).wire()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void copiesBackToBackAreFramesOneAfterTheOther(int n) {
        OutFrame f = OutFrame.of("{\"type\":\"message\"}");
        ByteBuffer all = ByteBuffer.allocate(n * f.wireLength());
        for (int i = 0; i < n; i++) {
            f.copyTo(all);
        }
        all.flip();
        for (int i = 0; i < n; i++) {
            ByteBuffer one = all.slice().limit(f.wireLength());
            assertEquals("{\"type\":\"message\"}", decode(one));
            all.position(all.position() + f.wireLength());
        }
    }

    @org.junit.jupiter.api.Test
    void oneRecipientsWriteLeavesAnothersBufferAsItWas() {
        OutFrame f = OutFrame.of("shared é");
        ByteBuffer a = f.wire();
        ByteBuffer b = f.wire();
        byte[] before = new byte[b.remaining()];
        b.duplicate().get(before);
        decode(a);
        assertEquals(0, a.remaining(), "the first recipient's write consumed its buffer");
        assertEquals(0, b.position(), "the second recipient's position is its own");
        byte[] after = new byte[b.remaining()];
        b.duplicate().get(after);
        assertArrayEquals(before, after);
        assertEquals("shared é", decode(b));
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 30_000})
    void multiByteTextsOfTheLongerLengthFormsRoundTrip(int characters) {
        String text = "日é🎬".repeat(characters / 4);
        OutFrame f = OutFrame.of(text);
        assertEquals(text, decode(f.wire()));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length > 65535 ? 10 : 4,
                f.wireLength() - text.getBytes(StandardCharsets.UTF_8).length);
    }
}
