package org.creativecities.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Idle connections: authenticated WebSockets opened in batches until one fails or the cap, held, then counted. */
final class IdleLoad {

    private IdleLoad() {
    }

    static List<Map<String, String>> run(Properties p, List<LoadTarget> targets) throws Exception {
        int cap = Integer.parseInt(p.getProperty("idleCap"));
        int batch = Integer.parseInt(p.getProperty("idleBatch"));
        double holdSeconds = Double.parseDouble(p.getProperty("holdSeconds", "10"));
        String[] locals = p.getProperty("localAddresses", "127.0.0.2").split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (LoadTarget t : targets) {
            double heap0 = ServerProcess.heapMiB(t.pid, t.java, true);
            double rss0 = ServerProcess.rssMiB(t.pid);
            List<Socket> open = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            String failure = "";
            long t0 = System.nanoTime();
            while (open.size() < cap && failure.isEmpty()) {
                int n = Math.min(batch, cap - open.size());
                List<Future<Socket>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int index = open.size() + i;
                    String local = locals[index % locals.length];
                    futures.add(pool.submit(() -> {
                        if (stop.get()) {
                            throw new IOException("not tried: an earlier connection failed");
                        }
                        try {
                            return idleSocket(t, InetAddress.getByName(local), t.token(index));
                        } catch (IOException | RuntimeException e) {
                            stop.set(true); // fail fast: the rest of the batch would only wait for time-outs
                            throw e;
                        }
                    }));
                }
                for (Future<Socket> f : futures) {
                    try {
                        open.add(f.get());
                    } catch (Exception e) {
                        String why = String.valueOf(e.getCause() == null ? e : e.getCause());
                        if (failure.isEmpty() && !why.contains("not tried")) {
                            failure = why;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "[loadgen] %s: %d idle connections open, server RSS %.0f MiB%s%n",
                        t.name, open.size(), ServerProcess.rssMiB(t.pid), failure.isEmpty() ? "" : "; " + failure);
            }
            double rampSeconds = (System.nanoTime() - t0) / 1e9;
            LoadGen.sleep((long) (holdSeconds * 1000));
            int alive = 0;
            byte[] buf = new byte[4096];
            for (Socket s : open) {
                if (isAlive(s, buf)) {
                    alive++;
                }
            }
            double heap1 = ServerProcess.heapMiB(t.pid, t.java, true);
            double rss1 = ServerProcess.rssMiB(t.pid);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("mode", "idle");
            row.put("target", t.name);
            row.put("cap", Integer.toString(cap));
            row.put("opened", Integer.toString(open.size()));
            row.put("held", Integer.toString(alive));
            row.put("rampSeconds", LoadGen.f1(rampSeconds));
            row.put("heapBeforeMiB", ServerProcess.fmt(heap0));
            row.put("heapAfterMiB", ServerProcess.fmt(heap1));
            row.put("rssBeforeMiB", ServerProcess.fmt(rss0));
            row.put("rssAfterMiB", ServerProcess.fmt(rss1));
            row.put("heapKiBPerConnection",
                    alive == 0 || Double.isNaN(heap1) ? "" : LoadGen.f1((heap1 - heap0) * 1024 / alive));
            row.put("rssKiBPerConnection", alive == 0 ? "" : LoadGen.f1((rss1 - rss0) * 1024 / alive));
            row.put("stoppedBy", failure.isEmpty() ? "cap" : failure);
            System.out.println("[loadgen] " + row);
            rows.add(row);
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            LoadGen.sleep(3000);
        }
        pool.shutdownNow();
        return rows;
    }

    /**
     * One idle WebSocket over a plain socket bound to {@code local} (the JDK client cannot choose its source
     * address; several source addresses get past the ~28,000 ephemeral ports per address pair): handshake with the
     * bearer token, then read the server's {@code hello}, which must name the signed-in user when a token was sent.
     */
    static Socket idleSocket(LoadTarget t, InetAddress local, String token) throws IOException {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(local, 0));
            s.connect(new InetSocketAddress(t.ws.getHost(), t.ws.getPort()), 5_000);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            LoadConnections.handshake(in, s.getOutputStream(), t.ws, token);
            int b0 = in.read();
            int len = in.read() & 0x7f;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            }
            byte[] payload = in.readNBytes(len);
            String hello = new String(payload, StandardCharsets.UTF_8);
            if (b0 != 0x81 || !hello.contains("\"hello\"")) {
                throw new IOException("no hello but: " + hello);
            }
            if (token != null && !hello.contains("\"user\":{")) {
                throw new IOException("not authenticated: " + hello);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Reads what is waiting (pings); false once the server closed the connection. */
    static boolean isAlive(Socket s, byte[] buf) {
        try {
            s.setSoTimeout(1);
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read(buf) < 0) {
                    return false;
                }
            }
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
