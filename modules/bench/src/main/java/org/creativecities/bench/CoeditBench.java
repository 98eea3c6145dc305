package org.creativecities.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The co-editing benchmark ({@code -Dbench.sections=coedit}, docs/benchmarks.md): our server beside
 * {@code @codemirror/collab}'s reference authority on Node ({@code src/main/node-collab}), driven by the same
 * {@link CoEditor editors}.
 *
 * <p>Typing: one text work, {@code bench.coedit.editors} (20) editors each typing {@code bench.coedit.rate} (5)
 * inserts a second on an open-loop schedule, {@code bench.coedit.warmup} s (10) unmeasured, then
 * {@code bench.coedit.seconds} s (30) measured: accepted updates a second, the latency from typing to each other
 * editor's receipt (HdrHistogram), and the server's CPU time (/proc) per accepted update. Joining: a second work
 * filled to {@code bench.coedit.bigChars} (1,000,000) characters, then {@code bench.coedit.joins} (30) joins of
 * one connection, each timed from sending {@code doc.join} to receiving the whole {@code doc.joined}.
 */
final class CoeditBench {

    /** Co-editing limits raised for the benchmark (one account types for all editors). */
    private static final Map<String, String> COEDIT_ENV = Map.of(
            "CCC_WORKS_COLLAB_FRAMES_PER_MINUTE", "1000000",
            "CCC_WORKS_COLLAB_ACCOUNT_FRAMES_PER_MINUTE", "1000000");

    private final Bench bench;
    private final int editors = Integer.getInteger("bench.coedit.editors", 20);
    private final double rate = Double.parseDouble(System.getProperty("bench.coedit.rate", "5"));
    private final int warmup;
    private final int seconds;
    private final int bigChars = Integer.getInteger("bench.coedit.bigChars", 1_000_000);
    private final int joins;

    CoeditBench(Bench bench) {
        this.bench = bench;
        warmup = Integer.getInteger("bench.coedit.warmup", bench.full ? 10 : 2);
        seconds = Integer.getInteger("bench.coedit.seconds", bench.full ? 30 : 3);
        joins = Integer.getInteger("bench.coedit.joins", bench.full ? 30 : 3);
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> env = new HashMap<>(Bench.BENCH_ENV);
        env.putAll(COEDIT_ENV);
        int cccPort = Bench.freePort();
        Path cccDir = Files.createDirectories(bench.work.resolve("coedit-ccc-" + System.nanoTime()));
        Process ccc = bench.processes.startCcc(cccDir, cccPort, "-Xmx1g", bench.jfr, env);
        URI base = URI.create("http://127.0.0.1:" + cccPort);
        String token = bench.api.setup(base, 0, 1).tokens().get(0);
        long typing = createWork(base, token, "typing");
        long big = createWork(base, token, "big");
        out.put("ours", measure(ccc, URI.create("ws://127.0.0.1:" + cccPort + "/ws"), token, typing, big));
        BenchProcesses.stop(ccc);
        int nodePort = Bench.freePort();
        Process node = bench.processes.startNode(installBaseline(), nodePort, "collab baseline ready on");
        out.put("baseline", measure(node, URI.create("ws://127.0.0.1:" + nodePort + "/ws"), null, 1, 2));
        BenchProcesses.stop(node);
        out.put("plan", String.format(Locale.ROOT, "%d editors x %.1f updates/s, %d s warm-up, %d s measured; "
                + "%d joins of a %d-character document", editors, rate, warmup, seconds, joins, bigChars));
        Files.writeString(bench.reportDir.resolve("coedit.md"), markdown(out));
        System.out.println("[bench] coedit " + out);
        return out;
    }

    private long createWork(URI base, String token, String title) throws Exception {
        return BenchApi.parse(bench.api.call(base, "POST", "/api/works", token, "{\"kind\":\"text\",\"title\":\"bench "
                + title + "\",\"content\":\"bench\"}", 201)).asJsonObject().getJsonNumber("id").longValue();
    }

    private Path installBaseline() throws Exception {
        Path src = Path.of(System.getProperty("bench.collab.src", bench.nodeSrc.resolveSibling("node-collab").toString()));
        return bench.processes.installNode(src, "collab-baseline", "node_modules/@codemirror/collab");
    }

    private Map<String, Object> measure(Process server, URI ws, String token, long typingWork, long bigWork)
            throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.putAll(typing(server, ws, token, typingWork));
        m.putAll(joining(ws, token, bigWork));
        return m;
    }

    private Map<String, Object> typing(Process server, URI ws, String token, long work) throws Exception {
        CoEditor.Tally tally = new CoEditor.Tally();
        Histogram latency = new Histogram(3);
        long[] window = new long[2];
        CoEditor.Arrival arrival = (typed, received) -> {
            if (typed >= window[0] && typed < window[1]) {
                synchronized (latency) {
                    latency.recordValue(Math.max(0, (received - typed) / 1000));
                }
            }
        };
        List<CoEditor> eds = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            eds.add(new CoEditor(ws, token, work, "bench-" + i + "-" + Long.toString(System.nanoTime(), 36),
                    tally, arrival));
        }
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 200_000_000L;
        window[0] = start + warmup * 1_000_000_000L;
        window[1] = window[0] + seconds * 1_000_000_000L;
        java.util.concurrent.atomic.AtomicLong typedInWindow = new java.util.concurrent.atomic.AtomicLong();
        ScheduledExecutorService typists = Executors.newScheduledThreadPool(2);
        for (CoEditor e : eds) {
            long phase = ThreadLocalRandom.current().nextLong(periodNanos);
            long[] k = {0};
            typists.scheduleAtFixedRate(() -> {
                long typed = start + phase + k[0]++ * periodNanos;
                if (typed < window[1]) {
                    if (typed >= window[0]) {
                        typedInWindow.incrementAndGet();
                    }
                    e.type(typed);
                }
            }, start + phase - System.nanoTime(), periodNanos, TimeUnit.NANOSECONDS);
        }
        Bench.sleep((window[0] - System.nanoTime()) / 1_000_000);
        eds.forEach(e -> e.counting(true));
        double cpu0 = ServerProcess.cpuSeconds(server.pid());
        Bench.sleep((window[1] - System.nanoTime()) / 1_000_000);
        double cpu1 = ServerProcess.cpuSeconds(server.pid());
        eds.forEach(e -> e.counting(false));
        typists.shutdownNow();
        Bench.sleep(3_000);
        eds.forEach(CoEditor::close);
        long accepted = tally.accepted.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offeredPerSecond", editors * rate);
        m.put("acceptedPerSecond", accepted / (double) seconds);
        m.put("rejectedPushes", tally.rejected.get());
        m.put("errors", tally.errors.toString());
        synchronized (latency) {
            m.put("deliveries", latency.getTotalCount());
            // Every update typed in the window should reach every other editor (3 s after the window at most).
            m.put("undelivered", typedInWindow.get() * (editors - 1) - latency.getTotalCount());
            m.put("latencyP50ms", latency.getValueAtPercentile(50) / 1000.0);
            m.put("latencyP99ms", latency.getValueAtPercentile(99) / 1000.0);
            m.put("latencyMaxMs", latency.getMaxValue() / 1000.0);
        }
        m.put("cpuMsPerUpdate", accepted == 0 ? Double.NaN : (cpu1 - cpu0) * 1000 / accepted);
        m.put("cpuPercent", (cpu1 - cpu0) * 100 / seconds);
        return m;
    }

    /** Fills the work to {@link #bigChars} characters, then times {@link #joins} joins of one connection. */
    private Map<String, Object> joining(URI ws, String token, long work) throws Exception {
        LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        Histogram joinTime = new Histogram(3);
        int length;
        try (CollabSocket s = new CollabSocket(ws, token, inbox::add)) {
            s.send("{\"type\":\"doc.join\",\"work\":" + work + ",\"id\":\"j\"}");
            var joined = await(inbox, "doc.joined");
            long version = joined.getJsonNumber("version").longValue();
            length = joined.getString("text").length();
            String chunk = "x".repeat(16_000);
            while (length < bigChars) {
                String add = chunk.substring(0, Math.min(chunk.length(), bigChars - length));
                s.send("{\"type\":\"doc.push\",\"work\":" + work + ",\"version\":" + version
                        + ",\"updates\":[{\"clientID\":\"filler\",\"changes\":[" + length + ",[0,\"" + add
                        + "\"]]}],\"id\":\"f\"}");
                version = await(inbox, "doc.ack").getJsonNumber("version").longValue();
                length += add.length();
            }
            s.send("{\"type\":\"doc.leave\",\"work\":" + work + ",\"id\":\"l\"}");
            await(inbox, "doc.left");
            for (int i = 0; i < joins; i++) {
                long t0 = System.nanoTime();
                s.send("{\"type\":\"doc.join\",\"work\":" + work + ",\"id\":\"j" + i + "\"}");
                var j = await(inbox, "doc.joined");
                joinTime.recordValue((System.nanoTime() - t0) / 1000);
                if (j.getString("text").length() != length) {
                    throw new IllegalStateException("joined a text of " + j.getString("text").length()
                            + " characters, expected " + length);
                }
                s.send("{\"type\":\"doc.leave\",\"work\":" + work + ",\"id\":\"l" + i + "\"}");
                await(inbox, "doc.left");
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("joinChars", length);
        m.put("joins", joinTime.getTotalCount());
        m.put("joinP50ms", joinTime.getValueAtPercentile(50) / 1000.0);
        m.put("joinP99ms", joinTime.getValueAtPercentile(99) / 1000.0);
        return m;
    }

    /** The next frame of {@code type}, skipping others (presence, the filler's own doc.updates). */
    private static jakarta.json.JsonObject await(LinkedBlockingQueue<String> inbox, String type) throws Exception {
        while (true) {
            String text = inbox.poll(60, TimeUnit.SECONDS);
            if (text == null) {
                throw new IllegalStateException("no " + type + " within 60 s");
            }
            if (text.startsWith("{\"type\":\"error\"")) {
                throw new IllegalStateException("the server refused: " + text);
            }
            if (text.startsWith("{\"type\":\"" + type + "\"")) {
                return BenchApi.parse(text).asJsonObject();
            }
        }
    }

    static String markdown(Map<String, Object> out) {
        StringBuilder md = new StringBuilder("## Co-editing\n\n").append(out.get("plan")).append("\n\n")
                .append("| | ours | @codemirror/collab authority on Node |\n|---|---|---|\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> ours = (Map<String, Object>) out.get("ours");
        @SuppressWarnings("unchecked")
        Map<String, Object> theirs = (Map<String, Object>) out.get("baseline");
        for (String k : ours.keySet()) {
            md.append("| ").append(k).append(" | ").append(cell(ours.get(k))).append(" | ")
                    .append(cell(theirs.get(k))).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v);
    }
}
