package org.creativecities.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Issue 18's scaling figures ({@code -Dbench.sections=cluster}): the same fan-out and realistic mix against a cluster
 * of 1, 2 and 3 packaged nodes ({@code -Dbench.cluster.nodes=1,2,3}) on one PostgreSQL, joined by Payara Micro's
 * clustering ({@code ccc.cluster.mode=tcpip}, even for one node, so that every size pays for its hints).
 *
 * <p>Each size gets a fresh database on the PostgreSQL server named by {@code -Dbench.pg.url} (a database the role
 * may connect to), {@code -Dbench.pg.user} and {@code -Dbench.pg.password} (a role with CREATEDB). The load generator
 * spreads the connections over the nodes round-robin, receivers and senders alike, as a balancer without affinity
 * would: most deliveries of a post cross a node. Nothing is pinned: on a machine with fewer cores than nodes plus the
 * generator, the figures show what sharing the cores costs, which {@code docs/benchmarks.md} explains.
 */
final class ClusterBench {

    private final Bench bench;

    ClusterBench(Bench bench) {
        this.bench = bench;
    }

    /** One map per cluster size: {@code nodes}, {@code fanout} rows, {@code realistic} rows, boot seconds. */
    List<Map<String, Object>> run() throws Exception {
        String url = System.getProperty("bench.pg.url", "").trim();
        if (url.isEmpty()) {
            throw new IllegalStateException("-Dbench.sections=cluster needs -Dbench.pg.url=jdbc:postgresql://host:port/db"
                    + " (and bench.pg.user, bench.pg.password: a role with CREATEDB); see docs/benchmarks.md");
        }
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (String n : System.getProperty("bench.cluster.nodes", bench.full ? "1,2,3" : "1,2").split(",")) {
            sizes.add(size(url, Integer.parseInt(n.trim())));
        }
        return sizes;
    }

    private Map<String, Object> size(String url, int count) throws Exception {
        String database = freshDatabase(url, "ccc_bench_" + count + "_" + System.currentTimeMillis() / 1000);
        int[] http = new int[count];
        int[] cluster = new int[count];
        for (int i = 0; i < count; i++) {
            http[i] = Bench.freePort();
            cluster[i] = Bench.freePort();
        }
        String members = java.util.Arrays.stream(cluster).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        String name = "ccc-bench-" + System.nanoTime();
        long t0 = System.nanoTime();
        List<Process> nodes = new ArrayList<>();
        try {
            // The first node migrates and seeds the fresh database; the others then start together.
            nodes.add(node(0, database, name, members, http, cluster));
            List<CompletableFuture<Process>> rest = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int index = i;
                rest.add(CompletableFuture.supplyAsync(() -> node(index, database, name, members, http, cluster)));
            }
            for (CompletableFuture<Process> f : rest) {
                nodes.add(f.join());
            }
            double bootSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "[bench] cluster of %d node(s) ready in %.1f s%n", count, bootSeconds);
            BenchApi.Setup setup = bench.api.setup(URI.create("http://127.0.0.1:" + http[0]), bench.full ? 50 : 2,
                    bench.full ? 25 : 2);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("nodes", count);
            result.put("bootSeconds", String.format(Locale.ROOT, "%.1f", bootSeconds));
            result.put("fanout", fanout(count, nodes, http, setup));
            result.put("realistic", realistic(count, nodes, http, setup));
            return result;
        } finally {
            nodes.forEach(BenchProcesses::stop);
        }
    }

    private Process node(int i, String database, String name, String members, int[] http, int[] cluster) {
        Map<String, String> env = new HashMap<>(Bench.BENCH_ENV);
        env.put("CCC_DB_URL", database);
        env.put("CCC_DB_USER", System.getProperty("bench.pg.user", "ccc"));
        env.put("CCC_DB_PASSWORD", System.getProperty("bench.pg.password", ""));
        env.put("CCC_CLUSTER_MODE", "tcpip");
        env.put("CCC_CLUSTER_NAME", name);
        env.put("CCC_CLUSTER_MEMBERS", members);
        env.put("CCC_CLUSTER_INTERFACES", "127.0.0.1");
        env.put("CCC_CLUSTER_START_PORT", Integer.toString(cluster[i]));
        try {
            Path dir = Files.createDirectories(bench.work.resolve("cluster-" + http.length + "-node-" + i + "-"
                    + System.nanoTime()));
            return bench.processes.startCcc(dir, http[i], "-Xmx1g", false, env);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Map<String, String>> fanout(int count, List<Process> nodes, int[] http, BenchApi.Setup setup)
            throws IOException, InterruptedException {
        Properties plan = plan("fanout", nodes, http, setup, List.of(setup.general()));
        plan.setProperty("receivers", System.getProperty("bench.cluster.receivers", bench.full ? "100" : "20"));
        plan.setProperty("senders", bench.full ? "10" : "2");
        plan.setProperty("textBytes", "100");
        plan.setProperty("warmupSeconds", bench.full ? "5" : "1");
        plan.setProperty("stepSeconds", System.getProperty("bench.fanout.seconds", bench.full ? "15" : "3"));
        plan.setProperty("runs", System.getProperty("bench.cluster.runs", bench.full ? "3" : "1"));
        plan.setProperty("serverWarmupSeconds", bench.full ? "30" : "0");
        // Posts per second: the fan-out's deliveries steps divided by the receivers, as the single-node section does
        // (SideBySide.rates), unless -Dbench.cluster.rates names posts per second itself.
        String receivers = plan.getProperty("receivers");
        plan.setProperty("rates", System.getProperty("bench.cluster.rates",
                bench.full ? SideBySide.rates(Integer.parseInt(receivers), true) : "40,80"));
        return bench.loadgen(plan, "cluster-" + count + "-fanout");
    }

    private List<Map<String, String>> realistic(int count, List<Process> nodes, int[] http, BenchApi.Setup setup)
            throws IOException, InterruptedException {
        Properties plan = plan("realistic", nodes, http, setup, setup.rooms());
        plan.setProperty("users", bench.full ? "2000" : "20");
        plan.setProperty("intervalSeconds", bench.full ? "10" : "1");
        plan.setProperty("durationSeconds", bench.full ? "60" : "3");
        plan.setProperty("warmupSeconds", System.getProperty("bench.realistic.warmup", bench.full ? "30" : "0"));
        return bench.loadgen(plan, "cluster-" + count + "-realistic");
    }

    private static Properties plan(String mode, List<Process> nodes, int[] http, BenchApi.Setup setup,
                                   List<Long> rooms) {
        Properties p = new Properties();
        p.setProperty("mode", mode);
        p.setProperty("targets", "ccc");
        p.setProperty("target.ccc.ws", java.util.Arrays.stream(http).mapToObj(port -> "ws://127.0.0.1:" + port + "/ws")
                .collect(Collectors.joining(",")));
        p.setProperty("target.ccc.pid", nodes.stream().map(n -> Long.toString(n.pid())).collect(Collectors.joining(",")));
        p.setProperty("target.ccc.java", "true");
        p.setProperty("target.ccc.tokens", String.join(",", setup.tokens()));
        p.setProperty("target.ccc.rooms", rooms.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return p;
    }

    /** Creates an empty database named {@code name} on the server of {@code url}; answers its JDBC URL. */
    private static String freshDatabase(String url, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, System.getProperty("bench.pg.user", "ccc"),
                System.getProperty("bench.pg.password", "")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }
}
