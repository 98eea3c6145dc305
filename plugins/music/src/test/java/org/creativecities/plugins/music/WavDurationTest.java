package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A WAV file's length from its header. */
class WavDurationTest {

    /** A 16-bit mono PCM WAV of {@code samples} samples at {@code rate} Hz, with a LIST chunk before the data. */
    static byte[] wav(int rate, int samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1)
                .putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        byte[] list = "INFOtest!".getBytes(StandardCharsets.US_ASCII);
        int size = 4 + 8 + 16 + 8 + list.length + 1 + 8 + samples * 2;
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(size));
        out.writeBytes("WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(16));
        out.writeBytes(fmt.array());
        out.writeBytes("LIST".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(list.length));
        out.writeBytes(list);
        out.write(0);
        out.writeBytes("data".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(samples * 2));
        out.writeBytes(new byte[samples * 2]);
        return out.toByteArray();
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    @Test
    void theLengthIsTheDataOverTheByteRate() {
        assertEquals(OptionalLong.of(2_500), WavDuration.of(wav(8000, 20_000)));
        assertEquals(OptionalLong.of(1_000), WavDuration.of(wav(44100, 44100)));
    }

    @Test
    void otherBytesHaveNoLength() {
        assertEquals(OptionalLong.empty(), WavDuration.of("ID3 not a wav file".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(OptionalLong.empty(), WavDuration.of(new byte[0]));
        byte[] truncated = wav(8000, 10);
        assertEquals(OptionalLong.empty(), WavDuration.of(java.util.Arrays.copyOf(truncated, 30)));
    }
}
