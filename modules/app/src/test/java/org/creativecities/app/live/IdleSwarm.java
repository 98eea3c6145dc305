package org.creativecities.app.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many idle live connections held by one thread: each does the WebSocket handshake as a visitor, answers every ping
 * with a pong, and sends nothing else. Non-blocking sockets on one selector, so thousands cost no threads; the frames
 * are read just far enough to answer pings and to notice a close.
 */
final class IdleSwarm implements AutoCloseable {

    private static final byte[] NO_MASK = {0, 0, 0, 0};

    private final Selector selector;
    private final boolean answerPings;
    private final List<Peer> peers = new ArrayList<>();
    private byte[] request;
    /** The first answer to a handshake that was not an upgrade, for the test's failure message. */
    private volatile String refusal = "";

    private static final class Peer {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(4096);
        boolean upgraded;
        boolean closed;
        int closeCode;

        Peer(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private IdleSwarm(Selector selector, boolean answerPings) {
        this.selector = selector;
        this.answerPings = answerPings;
    }

    /**
     * Opens {@code n} connections to {@code /ws} from {@code sourceAddress} and completes their handshakes.
     *
     * @param answerPings false for connections that never answer a ping, which the server must time out
     */
    static IdleSwarm open(String host, int port, String sourceAddress, int n, boolean answerPings, Duration timeout)
            throws IOException {
        IdleSwarm swarm = new IdleSwarm(Selector.open(), answerPings);
        byte[] request = ("GET /ws HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        swarm.request = request;
        for (int i = 0; i < n; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(new InetSocketAddress(sourceAddress, 0));
            ch.configureBlocking(false);
            Peer p = new Peer(ch);
            swarm.peers.add(p);
            if (ch.connect(new InetSocketAddress(host, port))) {
                swarm.connected(p);
            } else {
                ch.register(swarm.selector, SelectionKey.OP_CONNECT, p);
            }
            // Answer the pings of those already open while the others connect.
            swarm.pump(Duration.ZERO);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (swarm.settled() < n && System.nanoTime() < deadline) {
            swarm.pump(Duration.ofMillis(100));
        }
        return swarm;
    }

    /** Reads and answers for this long. */
    void hold(Duration d) throws IOException {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            pump(Duration.ofMillis(100));
        }
    }

    /** Connections whose handshake succeeded. */
    int upgraded() {
        return (int) peers.stream().filter(p -> p.upgraded).count();
    }

    /** Connections whose handshake was answered either way (upgraded, or refused or closed), each counted once. */
    private int settled() {
        return (int) peers.stream().filter(p -> p.upgraded || p.closed).count();
    }

    /** Connections the server closed (a close frame or the end of the stream). */
    int closed() {
        return (int) peers.stream().filter(p -> p.closed).count();
    }

    /** What went wrong, for a failure message: close codes by count, and the first refused handshake's answer. */
    String summary() {
        return peers.stream().filter(p -> p.closed).collect(java.util.stream.Collectors.groupingBy(p -> p.closeCode,
                java.util.stream.Collectors.counting())) + " " + refusal;
    }

    /** The close codes the server sent, one per closed connection (-1: the stream ended without a close frame). */
    List<Integer> closeCodes() {
        return peers.stream().filter(p -> p.closed).map(p -> p.closeCode).toList();
    }

    private void pump(Duration wait) throws IOException {
        if (wait.isZero()) {
            selector.selectNow();
        } else {
            selector.select(wait.toMillis());
        }
        for (SelectionKey key : selector.selectedKeys()) {
            Peer p = (Peer) key.attachment();
            try {
                if (key.isConnectable()) {
                    p.channel.finishConnect();
                    connected(p);
                    continue;
                }
                int read = p.channel.read(p.in);
                if (read < 0) {
                    ended(p, -1, key);
                    continue;
                }
                p.in.flip();
                consume(p, key);
                p.in.compact();
            } catch (IOException e) {
                ended(p, -1, key);
            }
        }
        selector.selectedKeys().clear();
    }

    /** Sends the handshake on a connected socket and waits for its answer. */
    private void connected(Peer p) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
            p.channel.write(out);
        }
        p.channel.register(selector, SelectionKey.OP_READ, p);
    }

    private static void ended(Peer p, int code, SelectionKey key) {
        if (!p.closed) {
            p.closed = true;
            p.closeCode = code;
        }
        key.cancel();
    }

    private void consume(Peer p, SelectionKey key) throws IOException {
        if (!p.upgraded) {
            String head = StandardCharsets.US_ASCII.decode(p.in.duplicate()).toString();
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            if (!head.startsWith("HTTP/1.1 101")) {
                if (refusal.isEmpty()) {
                    refusal = head.substring(0, Math.min(head.length(), 300));
                }
                ended(p, -2, key);
                return;
            }
            p.upgraded = true;
            p.in.position(p.in.position() + end + 4);
        }
        while (p.in.remaining() >= 2) {
            int start = p.in.position();
            int opcode = p.in.get(start) & 0x0F;
            int length = p.in.get(start + 1) & 0x7F;
            int header = 2;
            if (length == 126) {
                if (p.in.remaining() < 4) {
                    return;
                }
                length = p.in.getShort(start + 2) & 0xFFFF;
                header = 4;
            } else if (length == 127) {
                throw new IOException("an idle connection got a frame of 64 KiB or more");
            }
            if (p.in.remaining() < header + length) {
                return;
            }
            byte[] payload = new byte[length];
            p.in.position(start + header);
            p.in.get(payload);
            if (opcode == 0x9 && answerPings) {
                pong(p.channel, payload);
            } else if (opcode == 0x8) {
                ended(p, length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005, key);
                return;
            }
        }
    }

    /** A pong with the ping's payload, masked (with a zero mask, as a client's frames must be masked). */
    private static void pong(SocketChannel ch, byte[] payload) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(6 + payload.length);
        out.put((byte) 0x8A).put((byte) (0x80 | payload.length)).put(NO_MASK).put(payload).flip();
        while (out.hasRemaining()) {
            if (ch.write(out) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Peer p : peers) {
            p.channel.close();
        }
        selector.close();
    }
}
