package org.creativecities.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The generator's connections, each opened (handshake, join) onto one of the event loops that read its socket. */
final class LoadConnections {

    private LoadConnections() {
    }

    /** Reads the sockets registered with it on one thread. */
    static final class Loop extends Thread {
        final Selector selector;
        final ConcurrentLinkedQueue<LoadConn> incoming = new ConcurrentLinkedQueue<>();

        Loop(int n) throws IOException {
            super("loadgen-loop-" + n);
            setDaemon(true);
            selector = Selector.open();
        }

        void add(LoadConn c) {
            incoming.add(c);
            selector.wakeup();
        }

        @Override
        public void run() {
            while (true) {
                try {
                    selector.select();
                    LoadConn c;
                    while ((c = incoming.poll()) != null) {
                        c.channel.register(selector, SelectionKey.OP_READ, c);
                        if (c.in.position() > 0) {
                            c.readable(System.nanoTime());
                        }
                    }
                    long now = System.nanoTime();
                    for (SelectionKey k : selector.selectedKeys()) {
                        LoadConn conn = (LoadConn) k.attachment();
                        if (k.isValid() && k.isReadable()) {
                            conn.readable(now);
                        }
                        if (conn.closed) {
                            k.cancel();
                        }
                    }
                    selector.selectedKeys().clear();
                } catch (IOException | RuntimeException e) {
                    System.out.println("[loadgen] event loop: " + e);
                }
            }
        }
    }

    private static Loop[] loops;

    private static synchronized Loop loop(int i) {
        if (loops == null) {
            loops = new Loop[2];
            for (int k = 0; k < loops.length; k++) {
                try {
                    loops[k] = new Loop(k);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                loops[k].start();
            }
        }
        return loops[i % loops.length];
    }

    /** Opens the connections and joins each to its room; returns how many failed. */
    static int connect(LoadTarget t, List<LoadConn> conns, int firstIndex) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            LoadConn c = conns.get(i);
            int index = firstIndex + i;
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    SocketChannel ch = SocketChannel.open();
                    if (c.local != null) {
                        ch.bind(new InetSocketAddress(c.local, 0));
                    }
                    URI ws = t.ws(index);
                    ch.connect(new InetSocketAddress(ws.getHost(), ws.getPort()));
                    ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    handshake(ch.socket().getInputStream(), ch.socket().getOutputStream(), ws, t.token(index));
                    ch.configureBlocking(false);
                    c.channel = ch;
                    loop(index).add(c);
                    c.send("{\"type\":\"join\",\"room\":" + c.room + ",\"id\":\"j\"}");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, pool).thenCompose(x -> c.welcomed));
            if (i % 64 == 63) {
                // Joins do not all pile up at once: the server's join holds the room's lock.
                CompletableFuture.anyOf(all.get(i - 32)).exceptionally(e -> null).join();
            }
        }
        int failed = 0;
        for (CompletableFuture<Void> f : all) {
            try {
                f.get(300, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (failed++ < 3) {
                    System.out.println("[loadgen] " + t.name + ": a connection failed: " + e);
                }
            }
        }
        pool.shutdown();
        return failed;
    }

    /** The opening handshake on a blocking socket, with the bearer token if any; reads exactly the response head. */
    static void handshake(InputStream in, OutputStream out, URI ws, String token) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String req = "GET " + ws.getRawPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        out.write(req.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head.toString().lines().findFirst().orElse(""));
        }
    }

    /** Waits until no connection received anything for {@code quietMs} (the presence frames of the joins). */
    static void quiet(List<LoadConn> conns, long quietMs, long maxMs) {
        long deadline = System.nanoTime() + maxMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            long latest = 0;
            for (LoadConn c : conns) {
                latest = Math.max(latest, c.lastFrame);
            }
            if (System.nanoTime() - latest > quietMs * 1_000_000) {
                return;
            }
            LoadGen.sleep(100);
        }
    }
}
