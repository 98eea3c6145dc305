package org.creativecities.core.live;

/**
 * Follows the WebSocket frame headers (RFC 6455, section 5.2) in the bytes a client sends, without keeping any
 * payload, and tells as soon as a data message declares more than a limit: a single frame from its length field, a
 * fragmented message from the sum of its fragments' lengths. Control frames (which may come between fragments) do
 * not count. Once a message is too big the scanner stays tripped.
 *
 * <p>Not thread-safe: one scanner reads one connection's bytes, in order.
 */
final class InboundFrameScanner {

    private enum State { FIRST_BYTE, LENGTH_BYTE, EXTENDED_LENGTH, MASK, PAYLOAD }

    private static final int CONTINUATION = 0x0;
    private static final int FIRST_CONTROL_OPCODE = 0x8;
    private static final int MASK_BYTES = 4;

    private final long limit;
    private State state = State.FIRST_BYTE;
    private int opcode;
    private boolean masked;
    private int lengthBytesLeft;
    private long length;
    private int maskBytesLeft;
    private long payloadLeft;
    private long messageSoFar;
    private boolean tooBig;

    /** @param limit the largest data message accepted, in payload bytes */
    InboundFrameScanner(long limit) {
        this.limit = limit;
    }

    /**
     * Scans the next bytes of the stream.
     *
     * @return how many of these bytes come before the header of the first frame that makes a message too big (the
     *         bytes that may still be handed on); {@code count} when none does
     */
    int scan(byte[] bytes, int offset, int count) {
        if (tooBig) {
            return 0;
        }
        int end = offset + count;
        int headerStart = state == State.FIRST_BYTE ? offset : -1;
        int i = offset;
        while (i < end && !tooBig) {
            switch (state) {
                case FIRST_BYTE -> {
                    headerStart = i;
                    opcode = bytes[i++] & 0x0f;
                    state = State.LENGTH_BYTE;
                }
                case LENGTH_BYTE -> {
                    int b = bytes[i++] & 0xff;
                    masked = (b & 0x80) != 0;
                    int shortLength = b & 0x7f;
                    if (shortLength < 126) {
                        lengthKnown(shortLength);
                    } else {
                        lengthBytesLeft = shortLength == 126 ? 2 : 8;
                        length = 0;
                        state = State.EXTENDED_LENGTH;
                    }
                }
                case EXTENDED_LENGTH -> {
                    length = (length << 8) | (bytes[i++] & 0xff);
                    if (--lengthBytesLeft == 0) {
                        lengthKnown(length);
                    }
                }
                case MASK -> {
                    i++;
                    if (--maskBytesLeft == 0) {
                        payloadStarts();
                    }
                }
                case PAYLOAD -> {
                    long skipped = Math.min(payloadLeft, end - i);
                    i += (int) skipped;
                    payloadLeft -= skipped;
                    if (payloadLeft == 0) {
                        state = State.FIRST_BYTE;
                    }
                }
            }
        }
        if (!tooBig) {
            return count;
        }
        return headerStart < 0 ? 0 : headerStart - offset;
    }

    /** Whether a message went over the limit. */
    boolean tooBig() {
        return tooBig;
    }

    private void lengthKnown(long declared) {
        length = declared;
        if (opcode < FIRST_CONTROL_OPCODE) {
            if (opcode != CONTINUATION) {
                messageSoFar = 0;
            }
            // A length with its top bit set is over any limit (and no legal length).
            if (declared < 0 || declared > limit - messageSoFar) {
                tooBig = true;
                return;
            }
            messageSoFar += declared;
        }
        if (masked) {
            maskBytesLeft = MASK_BYTES;
            state = State.MASK;
        } else {
            payloadStarts();
        }
    }

    private void payloadStarts() {
        payloadLeft = length;
        state = payloadLeft == 0 ? State.FIRST_BYTE : State.PAYLOAD;
    }
}
