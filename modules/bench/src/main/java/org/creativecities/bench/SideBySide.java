package org.creativecities.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The parts that measure our server beside the Node.js {@code ws} baseline, on the same machine in the same run:
 * REST, "my rooms", the announcement, live fan-out, the realistic mix and idle connections.
 */
final class SideBySide {

    private final Bench bench;
    private final Map<String, Object> report;

    SideBySide(Bench bench, Map<String, Object> report) {
        this.bench = bench;
        this.report = report;
    }

    /** The parts that measure our server beside the {@code ws} baseline: REST, fan-out, realistic load, idle. */
    void run() throws Exception {
        // -Dbench.sections=announce alone needs neither the baseline nor the registered bench accounts.
        boolean baseline = Bench.section("rest") || Bench.section("fanout") || Bench.section("realistic")
                || Bench.section("idle") || Bench.section("myrooms");
        Path nodeDir = baseline ? bench.processes.installBaseline() : null;
        int cccPort = Bench.freePort();
        Path cccDir = Files.createDirectories(bench.work.resolve("ccc-" + System.nanoTime()));
        AnnounceSeed.Seeded seeded = null;
        double seedSeconds = 0;
        if (Bench.section("announce")) {
            // Boot once so that the migrations and the city seed run, stop, seed the people into the H2 file. That
            // server only boots: C1 only, as the test servers that mostly boot (a third less CPU to ready).
            long s = System.nanoTime();
            BenchProcesses.stop(bench.processes.startCcc(cccDir, cccPort, List.of("-Xmx1g", "-XX:TieredStopAtLevel=1"),
                    false, Bench.BENCH_ENV));
            Files.move(cccDir.resolve("server.log"), cccDir.resolve("server-first-boot.log"));
            seeded = AnnounceSeed.seed(cccDir.resolve("data"), Bench.ANNOUNCE_FIELD, bench.full ? 20 : 2,
                    Integer.getInteger("bench.announce.people", bench.full ? 2000 : 20));
            seedSeconds = (System.nanoTime() - s) / 1e9;
        }
        Process ccc = bench.processes.startCcc(cccDir, cccPort, "-Xmx1g", bench.jfr, Bench.BENCH_ENV);
        int wsPort = Bench.freePort();
        Process ws = baseline ? bench.processes.startNode(nodeDir, wsPort) : null;
        BenchApi.Setup setup = baseline
                ? bench.api.setup(URI.create("http://127.0.0.1:" + cccPort), bench.full ? 50 : 2, bench.full ? 25 : 2)
                : null;
        if (bench.full && Bench.section("rest")) {
            report.put("rest", new RestBench(bench).run(cccPort));
        }
        if (Bench.section("myrooms")) {
            URI base = URI.create("http://127.0.0.1:" + cccPort);
            report.put("myrooms", new MyRoomsBench(bench).run(base,
                    bench.api.signIn(base, "admin@creativecities.local", Bench.ADMIN_PASSWORD),
                    setup.tokens().get(0), setup.tokens().get(1), bench.full ? 200 : 5, bench.full ? 3 : 1,
                    bench.full ? 200 : 5, bench.full ? 1000 : 20));
        }
        if (seeded != null) {
            URI base = URI.create("http://127.0.0.1:" + cccPort);
            report.put("announce", new AnnounceBench(bench).run(base, bench.api.signIn(base, "admin@creativecities.local",
                    Bench.ADMIN_PASSWORD), Bench.ANNOUNCE_FIELD, seeded, seedSeconds));
        }
        List<Map<String, String>> fanout = new ArrayList<>();
        if (Bench.section("fanout")) {
            fanout(ccc, cccPort, ws, wsPort, setup, fanout);
        }
        report.put("fanout", fanout);
        if (Bench.section("realistic")) {
            Properties plan = plan("realistic", ccc, cccPort, ws, wsPort, setup, setup.rooms());
            plan.setProperty("users", bench.full ? "2000" : "20");
            plan.setProperty("intervalSeconds", bench.full ? "10" : "1");
            plan.setProperty("durationSeconds", bench.full ? "60" : "3");
            plan.setProperty("warmupSeconds", System.getProperty("bench.realistic.warmup", bench.full ? "30" : "0"));
            report.put("realistic", bench.loadgen(plan, "realistic"));
        }
        if (Bench.section("idle")) {
            Properties idle = plan("idle", ccc, cccPort, ws, wsPort, setup, List.of(setup.general()));
            idle.setProperty("idleCap", bench.full ? "19500" : "20");
            idle.setProperty("idleBatch", bench.full ? "2500" : "10");
            idle.setProperty("holdSeconds", bench.full ? "15" : "1");
            idle.setProperty("localAddresses", "127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5");
            report.put("idle", bench.loadgen(idle, "idle"));
        }
        BenchProcesses.stop(ccc);
        if (ws != null) {
            BenchProcesses.stop(ws);
        }
    }

    /**
     * Live fan-out (issue 13's measurement): 10 senders, 100-byte texts, each server warmed up once for 30 s
     * (unmeasured), then every step 5 s of warm-up and 15 s measured, run 3 times alternating ours and the baseline;
     * the servers pinned to one CPU and the generator to another while it runs. The smoke run keeps it short (20 receivers, 2 senders, 1 + 3 s, one run).
     */
    @SuppressWarnings("unchecked")
    private void fanout(Process ccc, int cccPort, Process ws, int wsPort, BenchApi.Setup setup,
                        List<Map<String, String>> rows)
            throws IOException, InterruptedException {
        int[] receivers = bench.full ? java.util.Arrays.stream(System.getProperty("bench.receivers", "100,1000,5000")
                .split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {20};
        bench.pinning.pinServers(ccc.pid(), ws.pid());
        try {
            for (int n : receivers) {
                Properties plan = plan("fanout", ccc, cccPort, ws, wsPort, setup, List.of(setup.general()));
                plan.setProperty("receivers", Integer.toString(n));
                plan.setProperty("senders", bench.full ? "10" : "2");
                plan.setProperty("textBytes", "100");
                plan.setProperty("warmupSeconds", System.getProperty("bench.fanout.warmup", bench.full ? "5" : "1"));
                plan.setProperty("stepSeconds", System.getProperty("bench.fanout.seconds", bench.full ? "15" : "3"));
                plan.setProperty("runs", System.getProperty("bench.fanout.runs", bench.full ? "3" : "1"));
                plan.setProperty("serverWarmupSeconds", System.getProperty("bench.fanout.serverWarmup",
                        bench.full ? "30" : "0"));
                plan.setProperty("rates", rates(n, bench.full));
                rows.addAll(bench.loadgen(plan, "fanout-" + n, bench.pinning.generatorPrefix()));
            }
        } finally {
            bench.pinning.unpinServers();
        }
        ((Map<String, Object>) report.get("machine")).put("pinning", bench.pinning.describe());
    }

    /** Send rates (posts per second, all senders together) of the fan-out steps: deliveries per second / receivers. */
    static String rates(int receivers, boolean full) {
        if (!full) {
            return "40";
        }
        int[] deliveries = java.util.Arrays.stream(System.getProperty("bench.fanout.deliveries",
                "1000,2500,5000,10000,20000,40000,60000,80000,100000,125000,150000,200000,250000,300000,400000")
                .split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> out = new ArrayList<>();
        for (int d : deliveries) {
            out.add(String.format(Locale.ROOT, "%.3f", (double) d / receivers));
        }
        return String.join(",", out);
    }

    private static Properties plan(String mode, Process ccc, int cccPort, Process ws, int wsPort, BenchApi.Setup setup,
                                     List<Long> rooms) {
        Properties p = new Properties();
        p.setProperty("mode", mode);
        p.setProperty("targets", System.getProperty("bench.targets", "ccc,ws"));
        p.setProperty("target.ccc.ws", "ws://127.0.0.1:" + cccPort + "/ws");
        p.setProperty("target.ccc.pid", Long.toString(ccc.pid()));
        p.setProperty("target.ccc.java", "true");
        p.setProperty("target.ccc.tokens", String.join(",", setup.tokens()));
        p.setProperty("target.ccc.rooms", join(rooms));
        p.setProperty("target.ws.ws", "ws://127.0.0.1:" + wsPort + "/ws");
        p.setProperty("target.ws.pid", Long.toString(ws.pid()));
        p.setProperty("target.ws.java", "false");
        p.setProperty("target.ws.tokens", "");
        p.setProperty("target.ws.rooms", join(rooms));
        return p;
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
