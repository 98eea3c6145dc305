package org.creativecities.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One WebSocket of the generator: a receiver, a sender, or both. A minimal client on a non-blocking socket
 * (handshake, unmasked server frames, masked client frames, pong): the JDK's WebSocket client measured at a
 * p50 of 15-20 ms at only 5,000 msgs/s against the idle ws baseline, so it measured itself. Message frames are
 * recognised and parsed in the receive buffer, without decoding them to strings.
 */
final class LoadConn {
    final int sender;
    final boolean counts;
    final long room;
    final LoadStats stats;
    final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final Map<Integer, BitSet> got = new HashMap<>();
    private long distinct;
    private long dups;
    SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private java.io.ByteArrayOutputStream fragments;
    volatile long lastFrame = System.nanoTime();
    volatile boolean closed;
    /** The source address to connect from; null: any. */
    InetAddress local;

    LoadConn(int sender, boolean counts, long room, LoadStats stats) {
        this.sender = sender;
        this.counts = counts;
        this.room = room;
        this.stats = stats;
    }

    /** Called by its event loop when the socket is readable; {@code now} is the time of the read. */
    void readable(long now) {
        try {
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            int n = channel.read(in);
            if (n < 0) {
                closed("connection closed by the server");
                return;
            }
            lastFrame = now;
            in.flip();
            byte[] a = in.array();
            while (in.remaining() >= 2) {
                int p = in.position();
                int b0 = a[p] & 0xff;
                long len = a[p + 1] & 0x7f;
                int header = 2;
                if (len == 126) {
                    if (in.remaining() < 4) {
                        break;
                    }
                    len = ((a[p + 2] & 0xff) << 8) | (a[p + 3] & 0xff);
                    header = 4;
                } else if (len == 127) {
                    if (in.remaining() < 10) {
                        break;
                    }
                    len = ByteBuffer.wrap(a, p + 2, 8).getLong();
                    header = 10;
                }
                if (in.remaining() < header + len) {
                    if (header + len > in.capacity()) {
                        ByteBuffer bigger = ByteBuffer.allocate((int) (header + len) * 2);
                        bigger.put(in);
                        bigger.flip();
                        in = bigger;
                        a = in.array();
                    }
                    break;
                }
                frame(b0, a, p + header, (int) len, now);
                in.position(p + header + (int) len);
            }
            in.compact();
        } catch (IOException e) {
            closed(e.toString());
        }
    }

    private void frame(int b0, byte[] a, int off, int len, long now) throws IOException {
        int opcode = b0 & 0x0f;
        boolean fin = (b0 & 0x80) != 0;
        switch (opcode) {
            case 1, 0 -> {
                if (fin && fragments == null) {
                    text(a, off, len, now);
                    return;
                }
                if (fragments == null) {
                    fragments = new java.io.ByteArrayOutputStream();
                }
                fragments.write(a, off, len);
                if (fin) {
                    byte[] whole = fragments.toByteArray();
                    fragments = null;
                    text(whole, 0, whole.length, now);
                }
            }
            case 9 -> write(0x8A, java.util.Arrays.copyOfRange(a, off, off + len)); // ping: pong
            case 8 -> closed("closed by the server: " + new String(a, off + Math.min(2, len),
                    Math.max(0, len - 2), StandardCharsets.UTF_8));
            default -> {
                // pong or binary: nothing to do
            }
        }
    }

    private static final byte[] MESSAGE = ascii("{\"type\":\"message\"");
    private static final byte[] PRESENCE = ascii("{\"type\":\"presence\"");
    private static final byte[] TEXT = ascii("\"text\":\"B|");

    private void text(byte[] a, int off, int len, long now) {
        if (startsWith(a, off, len, MESSAGE)) {
            if (!counts) {
                return;
            }
            int i = indexOf(a, off, len, TEXT);
            long[] f = i < 0 ? null : fields(a, i + TEXT.length, off + len, 4);
            if (f == null || f[0] != stats.step) {
                return; // a late message of an earlier step: already counted as lost there
            }
            boolean dup;
            synchronized (this) {
                BitSet b = got.computeIfAbsent((int) f[1], k -> new BitSet());
                dup = b.get((int) f[2]);
                if (dup) {
                    dups++;
                } else {
                    b.set((int) f[2]);
                    distinct++;
                }
            }
            if (!dup) {
                long us = Math.max(0, (now - f[3]) / 1000);
                stats.latency.recordValue(us);
                if (stats.worstBySecond != null) {
                    stats.worstBySecond.merge(f[3] / 1_000_000_000L, us, Math::max);
                }
            }
            return;
        }
        if (startsWith(a, off, len, PRESENCE)) {
            return;
        }
        String m = new String(a, off, len, StandardCharsets.UTF_8);
        if (m.startsWith("{\"type\":\"ack\"")) {
            int i = m.indexOf("\"clientMessageId\":\"c|");
            long[] f = i < 0 ? null : fields(m, i + 21, 5);
            if (f != null && f[1] == stats.step) {
                stats.acks.incrementAndGet();
                stats.ackLatency.recordValue(Math.max(0, (now - f[4]) / 1000));
            }
        } else if (m.startsWith("{\"type\":\"welcome\"")) {
            welcomed.complete(null);
        } else if (m.startsWith("{\"type\":\"error\"")) {
            stats.errors.incrementAndGet();
            stats.sample(m);
            welcomed.completeExceptionally(new IllegalStateException(m));
        }
    }

    private void closed(String why) {
        if (closed) {
            return;
        }
        closed = true;
        stats.closed.incrementAndGet();
        stats.sample(why);
        welcomed.completeExceptionally(new IllegalStateException(why));
        try {
            channel.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    synchronized void resetCounts() {
        got.clear();
        distinct = 0;
        dups = 0;
    }

    synchronized long distinct() {
        return distinct;
    }

    synchronized long dups() {
        return dups;
    }

    /** Sends one text frame; never called concurrently for one socket (it is synchronized). */
    void send(String text) {
        try {
            write(0x81, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            closed(e.toString());
        }
    }

    /** A masked client frame (mask key 0: the payload stays as it is). */
    synchronized void write(int b0, byte[] payload) throws IOException {
        int header = payload.length < 126 ? 6 : 8;
        ByteBuffer b = ByteBuffer.allocate(header + payload.length);
        b.put((byte) b0);
        if (payload.length < 126) {
            b.put((byte) (0x80 | payload.length));
        } else {
            b.put((byte) (0x80 | 126)).putShort((short) payload.length);
        }
        b.putInt(0).put(payload).flip();
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean startsWith(byte[] a, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] a, int off, int len, byte[] what) {
        outer:
        for (int i = off; i <= off + len - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (a[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Parses {@code n} numbers separated by '|' from {@code from} (before {@code end}); null if malformed. */
    static long[] fields(byte[] a, int from, int end, int n) {
        long[] out = new long[n];
        int i = from;
        for (int k = 0; k < n; k++) {
            long v = 0;
            int start = i;
            while (i < end && a[i] >= '0' && a[i] <= '9') {
                v = v * 10 + (a[i++] - '0');
            }
            if (i == start) {
                return null;
            }
            out[k] = v;
            i++; // the separator
        }
        return out;
    }

    /** Parses {@code n} numbers separated by '|' starting at {@code from}; null if malformed. */
    static long[] fields(String s, int from, int n) {
        byte[] a = s.getBytes(StandardCharsets.UTF_8);
        return fields(a, from, a.length, n);
    }
}
