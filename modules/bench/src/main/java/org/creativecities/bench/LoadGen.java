package org.creativecities.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator, run by {@link Bench} as a separate JVM: {@code java -cp … LoadGen <plan.properties>}. It drives
 * every target of the plan (our server and the {@code ws} baseline) with the same frames, alternating between them
 * step by step, and writes one row per measured step to the plan's {@code out} file (tab-separated
 * {@code key=value}).
 *
 * <p>Open loop, without coordinated omission: a scheduler thread sends each post at its intended time on a fixed
 * schedule, never waiting for an answer, and the post's text carries that intended time
 * ({@code System.nanoTime()} of this process, which also receives). Latency = receipt − intended send time, so a
 * server that stalls is charged for every message it delayed, including those that were sent late. Every text also
 * carries the step, the sender and the sender's sequence number: each receiver counts what it got per sender in a
 * bit set, so lost and duplicated messages are exact.
 */
public final class LoadGen {

    private static final String FILLER = " Lorem ipsum dolor sit amet, consectetur adipiscing elit.";
    private static final long RUN_ID = new Random().nextInt(1_000_000);
    private static final long SELF = ProcessHandle.current().pid();

    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        Properties plan = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            plan.load(r);
        }
        List<Target> targets = new ArrayList<>();
        for (String name : plan.getProperty("targets").split(",")) {
            targets.add(new Target(plan, name.trim()));
        }
        String mode = plan.getProperty("mode");
        List<Map<String, String>> rows = switch (mode) {
            case "fanout" -> fanout(plan, targets);
            case "realistic" -> realistic(plan, targets);
            case "idle" -> idle(plan, targets);
            case "attack" -> AttackLoad.run(plan, targets.get(0));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        StringBuilder out = new StringBuilder();
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            row.forEach((k, v) -> cells.add(k + "=" + v.replace('\t', ' ').replace('\n', ' ')));
            out.append(String.join("\t", cells)).append('\n');
        }
        Files.writeString(Path.of(plan.getProperty("out")), out, StandardCharsets.UTF_8);
        System.exit(0);
    }

    // ---- targets ------------------------------------------------------------------------------------------------

    /**
     * A server under test: its WebSocket URL, process, accounts and rooms. A cluster is one target of several nodes:
     * comma-separated URLs and pids; connection {@code i} goes to node {@code i mod n}, and the CPU and memory figures
     * are the nodes' sums.
     */
    static final class Target {
        final String name;
        /** The first node's WebSocket URL. */
        final URI ws;
        /** The first node's process. */
        final long pid;
        final URI[] wss;
        final long[] pids;
        final boolean java;
        final String[] tokens;
        final long[] rooms;

        Target(Properties p, String name) {
            this.name = name;
            String k = "target." + name + ".";
            this.wss = Arrays.stream(p.getProperty(k + "ws").split(",")).map(String::trim)
                    .map(URI::create).toArray(URI[]::new);
            this.pids = Arrays.stream(p.getProperty(k + "pid").split(",")).map(String::trim)
                    .mapToLong(Long::parseLong).toArray();
            this.ws = wss[0];
            this.pid = pids[0];
            this.java = Boolean.parseBoolean(p.getProperty(k + "java"));
            String t = p.getProperty(k + "tokens", "").trim();
            this.tokens = t.isEmpty() ? new String[0] : t.split(",");
            String[] r = p.getProperty(k + "rooms").split(",");
            this.rooms = new long[r.length];
            for (int i = 0; i < r.length; i++) {
                rooms[i] = Long.parseLong(r[i].trim());
            }
        }

        String token(int i) {
            return tokens.length == 0 ? null : tokens[i % tokens.length];
        }

        /** The node connection {@code i} goes to. */
        URI ws(int i) {
            return wss[Math.floorMod(i, wss.length)];
        }

        /** CPU seconds used so far by all the target's nodes. */
        double cpuSeconds() {
            return Arrays.stream(pids).mapToDouble(ServerProcess::cpuSeconds).sum();
        }

        /** The nodes' resident set sizes, summed, in MiB. */
        double rssMiB() {
            return Arrays.stream(pids).mapToDouble(ServerProcess::rssMiB).sum();
        }

        /** The nodes' heaps in use, summed, in MiB (NaN for a baseline that is not a JVM). */
        double heapMiB(boolean afterGc) {
            return Arrays.stream(pids).mapToDouble(id -> ServerProcess.heapMiB(id, java, afterGc)).sum();
        }
    }

    /** What one target's connections record during a step. */
    static final class Stats {
        final Recorder latency = new Recorder(3_600_000_000L, 3);
        final Recorder ackLatency = new Recorder(3_600_000_000L, 3);
        final AtomicLong errors = new AtomicLong();
        final AtomicLong acks = new AtomicLong();
        final AtomicLong closed = new AtomicLong();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        /**
         * The worst post→delivery latency (µs) of the posts intended in each second (nanoTime / 1e9), for the mixed
         * attack's report only; null elsewhere: a map merge per delivery is generator CPU that fan-out needs.
         */
        final ConcurrentHashMap<Long, Long> worstBySecond;
        volatile int step = -1;

        Stats() {
            this(false);
        }

        /** {@code slowSeconds}: keep the worst delivery of every second ({@link #slowSeconds}). */
        Stats(boolean slowSeconds) {
            worstBySecond = slowSeconds ? new ConcurrentHashMap<>() : null;
        }

        void reset(int newStep) {
            step = newStep;
            latency.reset();
            ackLatency.reset();
            errors.set(0);
            acks.set(0);
            samples.clear();
            if (worstBySecond != null) {
                worstBySecond.clear();
            }
        }

        /** The seconds of the step whose worst delivery took longer than {@code thresholdMs}: "second:ms ...". */
        String slowSeconds(double thresholdMs) {
            long first = worstBySecond.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
            return worstBySecond.entrySet().stream().filter(e -> e.getValue() / 1000.0 > thresholdMs)
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> (e.getKey() - first) + "s:" + Math.round(e.getValue() / 1000.0) + "ms")
                    .collect(java.util.stream.Collectors.joining(" "));
        }

        void sample(String what) {
            if (samples.size() < 5) {
                samples.add(what.length() > 200 ? what.substring(0, 200) : what);
            }
        }
    }

    /**
     * One WebSocket of the generator: a receiver, a sender, or both. A minimal client on a non-blocking socket
     * (handshake, unmasked server frames, masked client frames, pong): the JDK's WebSocket client measured at a
     * p50 of 15-20 ms at only 5,000 msgs/s against the idle ws baseline, so it measured itself. Message frames are
     * recognised and parsed in the receive buffer, without decoding them to strings.
     */
    static final class Conn {
        final int sender;
        final boolean counts;
        final long room;
        final Stats stats;
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

        Conn(int sender, boolean counts, long room, Stats stats) {
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

    // ---- event loops and opening connections ---------------------------------------------------------------------

    /** Reads the sockets registered with it on one thread. */
    static final class Loop extends Thread {
        final Selector selector;
        final ConcurrentLinkedQueue<Conn> incoming = new ConcurrentLinkedQueue<>();

        Loop(int n) throws IOException {
            super("loadgen-loop-" + n);
            setDaemon(true);
            selector = Selector.open();
        }

        void add(Conn c) {
            incoming.add(c);
            selector.wakeup();
        }

        @Override
        public void run() {
            while (true) {
                try {
                    selector.select();
                    Conn c;
                    while ((c = incoming.poll()) != null) {
                        c.channel.register(selector, SelectionKey.OP_READ, c);
                        if (c.in.position() > 0) {
                            c.readable(System.nanoTime());
                        }
                    }
                    long now = System.nanoTime();
                    for (SelectionKey k : selector.selectedKeys()) {
                        Conn conn = (Conn) k.attachment();
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
    static int connect(Target t, List<Conn> conns, int firstIndex) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            Conn c = conns.get(i);
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
    static void quiet(List<Conn> conns, long quietMs, long maxMs) {
        long deadline = System.nanoTime() + maxMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            long latest = 0;
            for (Conn c : conns) {
                latest = Math.max(latest, c.lastFrame);
            }
            if (System.nanoTime() - latest > quietMs * 1_000_000) {
                return;
            }
            sleep(100);
        }
    }

    // ---- one step ------------------------------------------------------------------------------------------------

    private static int stepCounter;

    /**
     * Runs one step on one target: every sender posts every {@code interval} seconds (phase per sender) for
     * {@code seconds}, then waits for the deliveries to drain, and returns the step's figures.
     */
    static Map<String, String> step(Target t, Stats stats, List<Conn> senders, double[] phase, double interval,
                                    double seconds, List<Conn> all, double p99LimitMs, double drainSeconds) {
        return step(t, stats, senders, phase, interval, 0, seconds, all, p99LimitMs, drainSeconds, 0);
    }

    /**
     * Runs one step on one target: every sender posts every {@code interval} seconds (phase per sender) for
     * {@code warmupSeconds} unmeasured, then, on the same schedule without a pause, for {@code seconds} measured;
     * then waits for the deliveries to drain, and returns the figures of the measured part. Warm-up posts carry a
     * step number of their own, so their deliveries and acks are not counted. Posts' texts are {@code textBytes}
     * long (ASCII) when it is positive.
     */
    static Map<String, String> step(Target t, Stats stats, List<Conn> senders, double[] phase, double interval,
                                    double warmupSeconds, double seconds, List<Conn> all, double p99LimitMs,
                                    double drainSeconds, int textBytes) {
        int warmStep = ++stepCounter;
        int step = ++stepCounter;
        for (Conn c : all) {
            c.resetCounts();
        }
        stats.reset(step);
        long closedBefore = stats.closed.get();
        long start = System.nanoTime() + 20_000_000L;
        long measured = start + (long) (warmupSeconds * 1e9);
        long end = measured + (long) (seconds * 1e9);
        long every = (long) (interval * 1e9);
        long[] sent = new long[senders.size()];
        long[] warmSent = new long[senders.size()];
        PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 0; i < senders.size(); i++) {
            due.add(new long[] {start + (long) (phase[i] * 1e9), i});
        }
        Usage from = null; // taken when the measured part begins, after the warm-up
        long maxLagNs = 0;
        while (!due.isEmpty() && due.peek()[0] < end) {
            long[] d = due.poll();
            boolean counted = d[0] >= measured;
            if (counted && from == null) {
                parkUntil(measured);
                from = Usage.of(t);
            }
            parkUntil(d[0]);
            int i = (int) d[1];
            Conn c = senders.get(i);
            int s = counted ? step : warmStep;
            long seq = counted ? sent[i]++ : warmSent[i]++;
            if (counted) {
                maxLagNs = Math.max(maxLagNs, System.nanoTime() - d[0]);
            }
            c.send("{\"type\":\"post\",\"room\":" + c.room + ",\"clientMessageId\":\"c|" + RUN_ID + "|" + s + "|"
                    + c.sender + "|" + seq + "|" + d[0] + "\",\"text\":\"" + text(s, c.sender, seq, d[0], textBytes)
                    + "\"}");
            d[0] += every;
            due.add(d);
        }
        if (from == null) { // nothing was due in the measured part
            from = Usage.of(t);
        }
        long sendEnd = System.nanoTime();
        // Expected deliveries: every counting connection gets every message posted in its room.
        Map<Long, Long> sentPerRoom = new HashMap<>();
        long totalSent = 0;
        for (int i = 0; i < senders.size(); i++) {
            sentPerRoom.merge(senders.get(i).room, sent[i], Long::sum);
            totalSent += sent[i];
        }
        long expected = 0;
        for (Conn c : all) {
            if (c.counts) {
                expected += sentPerRoom.getOrDefault(c.room, 0L);
            }
        }
        long drainDeadline = System.nanoTime() + (long) (drainSeconds * 1e9);
        long delivered;
        long expectedAcks = totalSent;
        while (true) {
            delivered = 0;
            for (Conn c : all) {
                delivered += c.distinct();
            }
            if ((delivered >= expected && stats.acks.get() >= expectedAcks) || System.nanoTime() > drainDeadline) {
                break;
            }
            sleep(20);
        }
        Usage to = Usage.of(t);
        long dups = 0;
        for (Conn c : all) {
            dups += c.dups();
        }
        Histogram h = stats.latency.getIntervalHistogram();
        Histogram ack = stats.ackLatency.getIntervalHistogram();
        long lost = expected - delivered;
        long missingAcks = Math.max(0, totalSent - stats.acks.get());
        long closedNow = stats.closed.get() - closedBefore;
        double p99 = ms(h.getValueAtPercentile(99.0));
        boolean pass = lost == 0 && dups == 0 && stats.errors.get() == 0 && missingAcks == 0 && closedNow == 0
                && h.getTotalCount() > 0 && p99 <= p99LimitMs;
        // The measured schedule's length; longer if the generator fell behind it.
        double sendSeconds = (Math.max(end, sendEnd) - measured) / 1e9;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("target", t.name);
        row.put("postsPerSec", f1(totalSent / sendSeconds));
        row.put("offeredPerSec", f1(expected / sendSeconds));
        row.put("deliveredPerSec", f1(delivered / Math.max(sendSeconds, (to.wall() - measured) / 1e9)));
        row.put("sent", Long.toString(totalSent));
        row.put("expected", Long.toString(expected));
        row.put("delivered", Long.toString(delivered));
        row.put("lost", Long.toString(lost));
        row.put("duplicated", Long.toString(dups));
        row.put("errors", Long.toString(stats.errors.get()));
        row.put("missingAcks", Long.toString(missingAcks));
        row.put("closed", Long.toString(closedNow));
        row.put("p50", f2(ms(h.getValueAtPercentile(50.0))));
        row.put("p99", f2(p99));
        row.put("p999", f2(ms(h.getValueAtPercentile(99.9))));
        row.put("max", f2(ms(h.getMaxValue())));
        row.put("ackP50", f2(ms(ack.getValueAtPercentile(50.0))));
        row.put("ackP99", f2(ms(ack.getValueAtPercentile(99.0))));
        row.put("schedulerLagMs", f2(maxLagNs / 1e6));
        double windowSeconds = (to.wall() - from.wall()) / 1e9;
        row.put("cpuCores", f2((to.cpu() - from.cpu()) / windowSeconds));
        // The server's CPU time per delivery over the measured part (its drain included), in µs.
        row.put("cpuUsPerDelivery", delivered == 0 ? "" : f2((to.cpu() - from.cpu()) * 1e6 / delivered));
        // The generator's own CPU over the step: near its cores, it (not the server) limits the step.
        row.put("loadgenCpuCores", f2((to.generatorCpu() - from.generatorCpu()) / windowSeconds));
        // Where each ran (taskset pinning, if any): the evidence beside the figures.
        row.put("serverCpus", ServerProcess.cpus(t.pid));
        row.put("loadgenCpus", ServerProcess.cpus(SELF));
        row.put("rssMiB", ServerProcess.fmt(t.rssMiB()));
        row.put("heapMiB", ServerProcess.fmt(t.heapMiB(false)));
        row.put("pass", Boolean.toString(pass));
        row.put("problems", String.join(" | ", stats.samples));
        if (stats.worstBySecond != null) {
            row.put("slowSeconds", stats.slowSeconds(100));
        }
        System.out.println("[loadgen] " + row);
        // A server that fell behind still delivers; let it finish before the other target's step is measured.
        quiet(all, 1000, 120_000);
        return row;
    }

    /** CPU seconds used so far by the server and by this generator, at {@code wall} (nanoTime). */
    record Usage(double cpu, double generatorCpu, long wall) {
        static Usage of(Target t) {
            return new Usage(t.cpuSeconds(), ServerProcess.cpuSeconds(SELF), System.nanoTime());
        }
    }

    private static void parkUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static final String PAD = (FILLER.strip() + " ").repeat(40);

    /**
     * A post's text: {@code B|step|sender|seq|intended send time|}, then the filler, or, when {@code bytes} is
     * positive, padding to exactly that many bytes (ASCII; never ending in a space, which a server may trim).
     */
    static String text(int step, int sender, long seq, long due, int bytes) {
        String head = "B|" + step + "|" + sender + "|" + seq + "|" + due + "|";
        if (bytes <= 0) {
            return head + FILLER;
        }
        String text = head + PAD.substring(0, Math.max(0, bytes - head.length()));
        return text.endsWith(" ") ? text.substring(0, text.length() - 1) + "." : text;
    }

    // ---- fan-out -------------------------------------------------------------------------------------------------

    /**
     * Fan-out: one room per target, {@code receivers} receivers and {@code senders} senders; steps of rising send
     * rate, each run {@code runs} times (ours and the baseline alternating run by run), each run
     * {@code warmupSeconds} unmeasured then {@code stepSeconds} measured. A step passes when all its runs pass; a
     * target stops after its first failing step (whose runs all run, to show how many passed).
     */
    static List<Map<String, String>> fanout(Properties p, List<Target> targets) throws InterruptedException {
        int receivers = Integer.parseInt(p.getProperty("receivers"));
        int sendersPerTarget = Integer.parseInt(p.getProperty("senders"));
        double stepSeconds = Double.parseDouble(p.getProperty("stepSeconds"));
        double warmupSeconds = Double.parseDouble(p.getProperty("warmupSeconds", "0"));
        int runs = Integer.parseInt(p.getProperty("runs", "1"));
        int textBytes = Integer.parseInt(p.getProperty("textBytes", "0"));
        double p99Limit = Double.parseDouble(p.getProperty("p99LimitMs", "50"));
        String[] rates = p.getProperty("rates").split(",");
        Map<String, Stats> stats = new LinkedHashMap<>();
        Map<String, List<Conn>> all = new LinkedHashMap<>();
        Map<String, List<Conn>> senders = new LinkedHashMap<>();
        Map<String, Integer> failedConnects = new LinkedHashMap<>();
        Map<String, Double> joined = new LinkedHashMap<>();
        for (Target t : targets) {
            Stats s = new Stats();
            List<Conn> conns = new ArrayList<>();
            List<Conn> send = new ArrayList<>();
            for (int i = 0; i < receivers; i++) {
                conns.add(new Conn(-1, true, t.rooms[0], s));
            }
            for (int i = 0; i < sendersPerTarget; i++) {
                Conn c = new Conn(i, false, t.rooms[0], s);
                conns.add(c);
                send.add(c);
            }
            long t0 = System.nanoTime();
            int failed = connect(t, conns, 0);
            double joinSeconds = (System.nanoTime() - t0) / 1e9;
            joined.put(t.name, joinSeconds);
            System.out.printf(Locale.ROOT, "[loadgen] %s: %d connections joined in %.1f s (%d failed)%n", t.name,
                    conns.size(), joinSeconds, failed);
            quiet(conns, 1000, 60_000);
            stats.put(t.name, s);
            all.put(t.name, conns);
            senders.put(t.name, send);
            failedConnects.put(t.name, failed);
        }
        double[] phase = new double[sendersPerTarget];
        double serverWarmup = Double.parseDouble(p.getProperty("serverWarmupSeconds", "0"));
        if (serverWarmup > 0) {
            // Both servers warm up once, unmeasured, at the third step's rate: the first steps would otherwise
            // measure a JVM compiling its hot paths on the one CPU it is pinned to.
            double rate = Double.parseDouble(rates[Math.min(2, rates.length - 1)]);
            double interval = sendersPerTarget / rate;
            for (int i = 0; i < phase.length; i++) {
                phase[i] = interval * i / sendersPerTarget;
            }
            for (Target t : targets) {
                System.out.printf(Locale.ROOT, "[loadgen] %s: warming up for %.0f s at %.1f posts/s (not measured)%n",
                        t.name, serverWarmup, rate);
                step(t, stats.get(t.name), senders.get(t.name), phase, interval, serverWarmup, 1,
                        all.get(t.name), p99Limit, 5, textBytes);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> stopped = new HashSet<>();
        for (int r = 0; r < rates.length && stopped.size() < targets.size(); r++) {
            double rate = Double.parseDouble(rates[r]);
            double interval = sendersPerTarget / rate;
            for (int i = 0; i < phase.length; i++) {
                phase[i] = interval * i / sendersPerTarget;
            }
            Set<String> failing = new HashSet<>();
            for (int run = 1; run <= runs; run++) {
                for (Target t : targets) {
                    if (stopped.contains(t.name)) {
                        continue;
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("mode", "fanout");
                    row.put("receivers", Integer.toString(receivers));
                    row.put("senders", Integer.toString(sendersPerTarget));
                    row.put("textBytes", Integer.toString(textBytes));
                    row.put("warmupSeconds", f1(warmupSeconds));
                    row.put("stepSeconds", f1(stepSeconds));
                    row.put("step", Integer.toString(r + 1));
                    row.put("run", Integer.toString(run));
                    row.put("runs", Integer.toString(runs));
                    row.put("failedConnects", Integer.toString(failedConnects.get(t.name)));
                    row.put("joinSeconds", f1(joined.get(t.name)));
                    System.out.printf(Locale.ROOT, "[loadgen] %s: step %d (%.1f posts/s), run %d of %d%n", t.name,
                            r + 1, rate, run, runs);
                    row.putAll(step(t, stats.get(t.name), senders.get(t.name), phase, interval, warmupSeconds,
                            stepSeconds, all.get(t.name), p99Limit, 5, textBytes));
                    // Receivers that never joined got nothing: such a run does not pass, whatever the others saw.
                    boolean pass = Boolean.parseBoolean(row.get("pass")) && failedConnects.get(t.name) == 0;
                    row.put("pass", Boolean.toString(pass));
                    rows.add(row);
                    if (!pass) {
                        failing.add(t.name);
                    }
                }
            }
            stopped.addAll(failing);
        }
        return rows;
    }

    // ---- realistic load ------------------------------------------------------------------------------------------

    static List<Map<String, String>> realistic(Properties p, List<Target> targets) throws InterruptedException {
        int users = Integer.parseInt(p.getProperty("users"));
        double interval = Double.parseDouble(p.getProperty("intervalSeconds", "10"));
        double seconds = Double.parseDouble(p.getProperty("durationSeconds"));
        // Unmeasured, on the same schedule without a pause: a server just booted compiles its hot paths meanwhile.
        double warmup = Double.parseDouble(p.getProperty("warmupSeconds", "0"));
        List<Map<String, String>> rows = new ArrayList<>();
        Random random = new Random(42);
        double[] phase = new double[users];
        for (int i = 0; i < users; i++) {
            phase[i] = random.nextDouble() * interval;
        }
        Map<String, List<Conn>> conns = new LinkedHashMap<>();
        Map<String, Stats> stats = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        for (Target t : targets) {
            Stats s = new Stats();
            List<Conn> list = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                list.add(new Conn(i, true, t.rooms[i % t.rooms.length], s));
            }
            long t0 = System.nanoTime();
            failed.put(t.name, connect(t, list, 0));
            System.out.printf(Locale.ROOT, "[loadgen] %s: %d users joined %d rooms in %.1f s (%d failed)%n", t.name,
                    users, t.rooms.length, (System.nanoTime() - t0) / 1e9, failed.get(t.name));
            quiet(list, 1000, 60_000);
            conns.put(t.name, list);
            stats.put(t.name, s);
        }
        for (Target t : targets) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("mode", "realistic");
            row.put("users", Integer.toString(users));
            row.put("rooms", Integer.toString(t.rooms.length));
            row.put("failedConnects", Integer.toString(failed.get(t.name)));
            row.put("warmupSeconds", f1(warmup));
            row.putAll(step(t, stats.get(t.name), conns.get(t.name), phase, interval, warmup, seconds,
                    conns.get(t.name), Double.MAX_VALUE, 10, 0));
            rows.add(row);
        }
        return rows;
    }

    // ---- idle connections ----------------------------------------------------------------------------------------

    static List<Map<String, String>> idle(Properties p, List<Target> targets) throws Exception {
        int cap = Integer.parseInt(p.getProperty("idleCap"));
        int batch = Integer.parseInt(p.getProperty("idleBatch"));
        double holdSeconds = Double.parseDouble(p.getProperty("holdSeconds", "10"));
        String[] locals = p.getProperty("localAddresses", "127.0.0.2").split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (Target t : targets) {
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
            sleep((long) (holdSeconds * 1000));
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
            row.put("rampSeconds", f1(rampSeconds));
            row.put("heapBeforeMiB", ServerProcess.fmt(heap0));
            row.put("heapAfterMiB", ServerProcess.fmt(heap1));
            row.put("rssBeforeMiB", ServerProcess.fmt(rss0));
            row.put("rssAfterMiB", ServerProcess.fmt(rss1));
            row.put("heapKiBPerConnection", alive == 0 || Double.isNaN(heap1) ? "" : f1((heap1 - heap0) * 1024 / alive));
            row.put("rssKiBPerConnection", alive == 0 ? "" : f1((rss1 - rss0) * 1024 / alive));
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
            sleep(3000);
        }
        pool.shutdownNow();
        return rows;
    }

    /**
     * One idle WebSocket over a plain socket bound to {@code local} (the JDK client cannot choose its source
     * address; several source addresses get past the ~28,000 ephemeral ports per address pair): handshake with the
     * bearer token, then read the server's {@code hello}, which must name the signed-in user when a token was sent.
     */
    static Socket idleSocket(Target t, InetAddress local, String token) throws IOException {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(local, 0));
            s.connect(new InetSocketAddress(t.ws.getHost(), t.ws.getPort()), 5_000);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            handshake(in, s.getOutputStream(), t.ws, token);
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

    // ---- small things --------------------------------------------------------------------------------------------

    static double ms(long micros) {
        return micros / 1000.0;
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
