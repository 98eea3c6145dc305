package org.creativecities.plugins.music;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The length of a WAV (RIFF/WAVE, PCM or any format with a byte rate) file, from its header: the size of its
 * {@code data} chunk divided by the byte rate of its {@code fmt } chunk. Other formats (MP3, Ogg) have no length
 * that is cheap and exact to read, so their length comes from the person adding them.
 */
final class WavDuration {

    private WavDuration() {
    }

    /** The length in milliseconds, if the bytes are a WAV file whose header says it. */
    static OptionalLong of(byte[] bytes) {
        if (bytes.length < 12 || !ascii(bytes, 0).equals("RIFF") || !ascii(bytes, 8).equals("WAVE")) {
            return OptionalLong.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long byteRate = 0;
        int at = 12;
        while (at + 8 <= bytes.length) {
            String id = ascii(bytes, at);
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            if (id.equals("fmt ") && at + 20 <= bytes.length) {
                byteRate = Integer.toUnsignedLong(b.getInt(at + 16));
            } else if (id.equals("data")) {
                long available = Math.min(size, bytes.length - (at + 8L));
                return byteRate > 0 ? OptionalLong.of(available * 1000 / byteRate) : OptionalLong.empty();
            }
            if (size > bytes.length) {
                break;
            }
            at += (int) (8 + size + (size & 1));
        }
        return OptionalLong.empty();
    }

    private static String ascii(byte[] bytes, int at) {
        return at + 4 <= bytes.length ? new String(bytes, at, 4, StandardCharsets.US_ASCII) : "";
    }
}
