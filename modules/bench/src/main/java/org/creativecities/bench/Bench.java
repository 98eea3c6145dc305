package org.creativecities.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark harness (docs/benchmarks.md). {@code Bench full} runs everything and takes about half an hour;
 * {@code Bench smoke} runs a few seconds of each load shape (what CI runs, through {@code BenchSmokeIT}).
 *
 * <p>It starts the packaged distribution itself (fresh H2 file, fresh folders), installs and starts the Node.js
 * {@code ws} baseline, prepares accounts and rooms over the REST API, runs the {@link LoadGen load generator} in a
 * separate JVM against both servers side by side, and writes {@code report.md} and {@code report.json}.
 *
 * <p>System properties: {@code ccc.dist.dir} (the distribution), {@code bench.node.src} (the baseline's sources),
 * {@code bench.work} (where everything goes), {@code bench.jfr=true} (record the server with JFR),
 * {@code bench.pin=false} (no CPU pinning in the fan-out), {@code bench.ccc.jvm} (extra JVM options for our
 * server, e.g. a garbage collector to compare); the others are in docs/benchmarks.md.
 */
public final class Bench {

    static final String READY_PREFIX = "Creative Cities Commons is ready at ";
    static final String ADMIN_PASSWORD = "bench administrator password";
    static final String USER_PASSWORD = "bench user password";
    /** The creative field whose cities' seeded members receive the benchmark's announcement. */
    static final String ANNOUNCE_FIELD = "music";

    /** The limits raised for the benchmark server only (everything else is the shipped default). */
    static final Map<String, String> BENCH_ENV = Map.of(
            // 1 registration + 1 sign-in per bench account, all from 127.0.0.1 (default 6 per minute).
            "CCC_AUTH_IP_ATTEMPTS_PER_MINUTE", "10000",
            // Bench connections share a few accounts (each account costs two PBKDF2-600k hashes to make).
            "CCC_LIVE_MAX_CONNECTIONS_PER_USER", "1000",
            // Senders post far more than a person does (default 120 and 240 frames a minute).
            "CCC_LIVE_CONNECTION_FRAMES_PER_MINUTE", "1000000",
            "CCC_LIVE_USER_FRAMES_PER_MINUTE", "1000000",
            // Receivers connect with bearer tokens, not live tickets, all from 127.0.0.1 (default 120 a minute).
            "CCC_LIVE_HANDSHAKES_PER_MINUTE", "1000000",
            "CCC_ADMIN_PASSWORD", ADMIN_PASSWORD);

    final boolean full;
    final Path dist;
    final Path nodeSrc;
    final Path work;
    final Path reportDir;
    final boolean jfr;
    /** CPU pinning of the fan-out ({@code -Dbench.pin}, default true). */
    final Pinning pinning = Pinning.detect(Boolean.parseBoolean(System.getProperty("bench.pin", "true")));
    /** Our REST API, as the benchmark's set-up uses it. */
    final BenchApi api = new BenchApi();
    final Map<String, Object> report = new LinkedHashMap<>();
    /** The servers under test and the baselines, each started on a fresh work folder. */
    final BenchProcesses processes;

    Bench(boolean full, Path dist, Path nodeSrc, Path work, boolean jfr) {
        this.full = full;
        this.dist = dist.toAbsolutePath().normalize();
        this.nodeSrc = nodeSrc.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.reportDir = this.work.resolve("report");
        this.jfr = jfr;
        this.processes = new BenchProcesses(this.dist, this.nodeSrc, this.work, this.reportDir);
    }

    public static void main(String[] args) throws Exception {
        boolean full = args.length == 0 || args[0].equals("full");
        Path here = Path.of(System.getProperty("bench.home", "modules/bench"));
        Bench b = new Bench(full,
                Path.of(System.getProperty("ccc.dist.dir",
                        here.resolve("../app/target/creative-cities-commons").toString())),
                Path.of(System.getProperty("bench.node.src", here.resolve("src/main/node").toString())),
                Path.of(System.getProperty("bench.work",
                        here.resolve("target/bench-" + (full ? "full" : "smoke")).toString())),
                Boolean.getBoolean("bench.jfr"));
        Path md = b.run();
        System.out.println();
        System.out.println(Files.readString(md));
        System.out.println("Report: " + md + " and " + md.resolveSibling("report.json"));
        System.exit(0);
    }

    /** Runs the benchmark; returns the markdown report. */
    Path run() throws Exception {
        Files.createDirectories(work);
        Files.createDirectories(reportDir);
        Runtime.getRuntime().addShutdownHook(new Thread(processes::stopAll));
        AttackBench attack = null;
        try {
            report.put("mode", full ? "full" : "smoke");
            report.put("machine", machine());
            attack = section("attack") ? new AttackBench(this) : null;
            if (attack != null && !full) {
                // The smoke run asserts no timing: the attack's server boots while the side-by-side part runs.
                attack.bootMeanwhile();
            }
            if (section("rest") || section("fanout") || section("realistic") || section("idle")
                    || section("myrooms") || section("announce")) {
                new SideBySide(this, report).run();
            }
            if (attack != null) {
                report.put("attack", attack.run());
            }
            // Only when named (-Dbench.sections=coedit): it boots a server of its own.
            if (List.of(System.getProperty("bench.sections", "").split(",")).contains("coedit")) {
                report.put("coedit", new CoeditBench(this).run());
            }
            // Only when named (-Dbench.sections=cluster): nodes of its own on the PostgreSQL -Dbench.pg.url names.
            if (List.of(System.getProperty("bench.sections", "").split(",")).contains("cluster")) {
                report.put("cluster", new ClusterBench(this).run());
            }
            // Only when named (-Dbench.sections=lighthouse): it boots a server of its own and needs Chromium.
            if (List.of(System.getProperty("bench.sections", "").split(",")).contains("lighthouse")) {
                report.put("lighthouse", new LighthouseBench(this).run());
            }
            // Last, with the load servers stopped: boots are the slowest part on a busy machine.
            if (full && section("boot")) {
                report.put("boot", new BootBench(this).run(Integer.getInteger("bench.boots", 3)));
            }
            report.put("finishedAt", Instant.now().toString());
        } finally {
            if (attack != null) {
                attack.awaitBoot();
            }
            processes.stopAll();
        }
        Path json = reportDir.resolve("report.json");
        Files.writeString(json, JsonOut.write(report) + "\n");
        Path md = reportDir.resolve("report.md");
        Files.writeString(md, Report.markdown(report));
        return md;
    }

    /** Whether this part runs: all by default; {@code -Dbench.sections=fanout,realistic} to run only some. */
    static boolean section(String name) {
        String only = System.getProperty("bench.sections", "");
        return only.isBlank() || List.of(only.split(",")).contains(name);
    }

    // ---- the machine ---------------------------------------------------------------------------------------------

    Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("node", exec(List.of("node", "--version")).trim());
        m.put("wrk", Files.isExecutable(Path.of("/usr/bin/wrk")) ? "/usr/bin/wrk" : "absent");
        m.put("openFilesLimit", exec(List.of("bash", "-c", "ulimit -n")).trim());
        m.put("cccJvmOptions", System.getProperty("bench.ccc.jvm", "").isBlank() ? "the JVM's defaults"
                : System.getProperty("bench.ccc.jvm").trim());
        return m;
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Runs the load generator in its own JVM and returns its rows. */
    List<Map<String, String>> loadgen(Properties plan, String name) throws IOException, InterruptedException {
        return loadgen(plan, name, List.of());
    }

    /** Runs the load generator in its own JVM, its command after {@code prefix} (e.g. taskset); returns its rows. */
    List<Map<String, String>> loadgen(Properties plan, String name, List<String> prefix)
            throws IOException, InterruptedException {
        Path planFile = reportDir.resolve(name + ".plan.properties");
        Path out = reportDir.resolve(name + ".rows.tsv");
        plan.setProperty("out", out.toString());
        try (var w = Files.newBufferedWriter(planFile)) {
            plan.store(w, "load generator plan");
        }
        System.out.println("[bench] load generator: " + name);
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java(), "-Xmx3g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                LoadGen.class.getName(), planFile.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // A plan may bound the generator's life (the attack: a server in trouble must not hang the harness).
        long maxSeconds = Long.parseLong(plan.getProperty("maxSeconds", "0"));
        java.util.concurrent.ScheduledExecutorService guard = Executors.newSingleThreadScheduledExecutor();
        if (maxSeconds > 0) {
            guard.schedule(() -> {
                System.out.println("[bench] the load generator ran over " + maxSeconds + " s; stopping it");
                p.destroyForcibly();
            }, maxSeconds, TimeUnit.SECONDS);
        }
        // Echoed through System.out (not inherited), so that a test runner capturing System.out sees it.
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines.lines().forEach(System.out::println);
        } finally {
            guard.shutdownNow();
        }
        if (p.waitFor() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("the load generator failed (" + name + ")");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String cell : line.split("\t")) {
                int eq = cell.indexOf('=');
                row.put(cell.substring(0, eq), cell.substring(eq + 1));
            }
            rows.add(row);
        }
        return rows;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    // ---- small things --------------------------------------------------------------------------------------------

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
