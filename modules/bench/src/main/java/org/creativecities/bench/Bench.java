package org.creativecities.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Map<String, Object> report = new LinkedHashMap<>();
    /** Every process started, to stop at the end; the attack's server may start on a thread of its own. */
    private final List<Process> started = java.util.Collections.synchronizedList(new ArrayList<>());

    Bench(boolean full, Path dist, Path nodeSrc, Path work, boolean jfr) {
        this.full = full;
        this.dist = dist.toAbsolutePath().normalize();
        this.nodeSrc = nodeSrc.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.reportDir = this.work.resolve("report");
        this.jfr = jfr;
    }

    public static void main(String[] args) throws Exception {
        boolean full = args.length == 0 || args[0].equals("full");
        Path here = Path.of(System.getProperty("bench.home", "modules/bench"));
        Bench b = new Bench(full,
                Path.of(System.getProperty("ccc.dist.dir", here.resolve("../app/target/creative-cities-commons").toString())),
                Path.of(System.getProperty("bench.node.src", here.resolve("src/main/node").toString())),
                Path.of(System.getProperty("bench.work", here.resolve("target/bench-" + (full ? "full" : "smoke")).toString())),
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
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
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
            stopAll();
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

    // ---- processes -----------------------------------------------------------------------------------------------

    /** Our packaged server on a fresh work folder (fresh H2 file), with the bench limits. */
    Process startCcc(String name, int port, String xmx, boolean record) throws IOException {
        return startCcc(Files.createDirectories(work.resolve(name + "-" + System.nanoTime())), port, xmx, record,
                BENCH_ENV);
    }

    /** Our packaged server in {@code dir} (fresh H2 file, log in {@code server.log}) with {@code env} set. */
    Process startCcc(Path dir, int port, String xmx, boolean record, Map<String, String> env) throws IOException {
        return startCcc(dir, port, List.of(xmx), record, env);
    }

    /** Our packaged server in {@code dir}, as above, with these JVM options ({@code -Xmx} among them). */
    Process startCcc(Path dir, int port, List<String> jvm, boolean record, Map<String, String> env)
            throws IOException {
        String name = dir.getFileName().toString().replaceAll("-[0-9]+$", "");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (var jars = Files.list(dist.resolve("plugins"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvm);
        // -Dbench.ccc.jvm="-XX:+UseZGC …": JVM options to try on our server (a GC, say); the report names them.
        String extra = System.getProperty("bench.ccc.jvm", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
        if (record) {
            cmd.add("-XX:StartFlightRecording=filename=" + reportDir.resolve(name + ".jfr") + ",settings=profile");
        }
        cmd.addAll(List.of("-jar", dist.resolve("ccc-launcher.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CCC_"));
        pb.environment().putAll(env);
        pb.environment().put("CCC_HTTP_PORT", Integer.toString(port));
        pb.environment().put("CCC_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("CCC_RUNTIME_DIR", dir.resolve("runtime").toString());
        pb.environment().put("CCC_PLUGINS_DIR", plugins.toString());
        return startAndAwait(pb, dir.resolve("server.log"), READY_PREFIX, Duration.ofMinutes(10));
    }

    /** Bare Payara Micro (the jar our distribution ships), with the launcher's flags, deploying {@code war} if any. */
    Process startPayara(String name, int port, Path war) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name + "-" + System.nanoTime()));
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx1g",
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-jar", dist.resolve("lib/payara-micro.jar").toString(), "--nohazelcast", "--disablephonehome",
                "--port", Integer.toString(port), "--rootdir", dir.resolve("runtime").toString()));
        if (war != null) {
            cmd.addAll(List.of("--deploy", war.toString(), "--contextroot", "/static"));
        }
        return startAndAwait(new ProcessBuilder(cmd).directory(dir.toFile()), dir.resolve("server.log"), "ready in",
                Duration.ofMinutes(10));
    }

    Path installBaseline() throws IOException, InterruptedException {
        return installNode(nodeSrc, "ws-baseline", "node_modules/ws");
    }

    /**
     * Copies a Node program ({@code package.json}, {@code package-lock.json} and its scripts, {@code *.js} and
     * {@code *.mjs}) from {@code src} into {@code work/<name>} and installs its locked dependencies with
     * {@code npm ci} unless {@code installed} (a folder under it) is already there.
     */
    Path installNode(Path src, String name, String installed) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(name));
        try (var files = Files.list(src)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("package(-lock)?\\.json|.*\\.m?js"))
                    .toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(dir.resolve(installed))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("npm.log").toFile()).start();
            if (npm.waitFor() != 0) {
                throw new IllegalStateException("npm ci failed: " + Files.readString(dir.resolve("npm.log")));
            }
        }
        return dir;
    }

    Process startNode(Path dir, int port) throws IOException {
        return startNode(dir, port, "ws baseline ready on");
    }

    /** Starts {@code server.js} in {@code dir} and waits until it prints {@code readyText}. */
    Process startNode(Path dir, int port, String readyText) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", "--max-old-space-size=1024", "server.js", Integer.toString(port))
                .directory(dir.toFile());
        return startAndAwait(pb, dir.resolve("server.log"), readyText, Duration.ofSeconds(30));
    }

    private Process startAndAwait(ProcessBuilder pb, Path log, String readyText, Duration timeout) throws IOException {
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        started.add(p);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(readyText)) {
                return p;
            }
            if (!p.isAlive()) {
                break;
            }
            sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException(pb.command() + " did not print '" + readyText + "'; see " + log);
    }

    static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAll() {
        List<Process> all;
        synchronized (started) {
            all = new ArrayList<>(started);
        }
        for (Process p : all) {
            if (p.isAlive()) {
                stop(p);
            }
        }
    }

    /** Runs the load generator in its own JVM and returns its rows. */
    List<Map<String, String>> loadgen(Properties plan, String name) throws IOException, InterruptedException {
        return loadgen(plan, name, List.of());
    }

    /** Runs the load generator in its own JVM, its command after {@code prefix} (e.g. taskset), and returns its rows. */
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

    // ---- accounts and rooms --------------------------------------------------------------------------------------

    /** The bench accounts' tokens, the general room of Lyon and the rooms of the realistic load. */
    record Setup(List<String> tokens, long general, List<Long> rooms) {
    }

    Setup setup(URI base, int roomCount, int accountCount) throws Exception {
        long t0 = System.nanoTime();
        String admin = signIn(base, "admin@creativecities.local", ADMIN_PASSWORD);
        call(base, "PATCH", "/api/cities/lyon", admin, "{\"joinPolicy\":\"OPEN\"}", 200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String email = "bench" + n + "@example.org";
                call(base, "POST", "/api/accounts", null, "{\"email\":\"" + email + "\",\"displayName\":\"Bench" + n
                        + "\",\"password\":\"" + USER_PASSWORD + "\"}", 202);
                String token = signIn(base, email, USER_PASSWORD);
                call(base, "POST", "/api/cities/lyon/members", token, null, 201);
                return token;
            }));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : futures) {
            tokens.add(f.get());
        }
        pool.shutdown();
        long space = citySpace(base, admin, "lyon");
        long general = -1;
        for (JsonValue v : parse(call(base, "GET", "/api/spaces/" + space + "/rooms", admin, null, 200)).asJsonArray()) {
            if (v.asJsonObject().getString("name").equals("general")) {
                general = v.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        List<Long> rooms = new ArrayList<>();
        for (int i = 0; i < roomCount; i++) {
            JsonObject room = parse(call(base, "POST", "/api/spaces/" + space + "/rooms", admin,
                    "{\"name\":\"bench-" + i + "\"}", 201)).asJsonObject();
            rooms.add(room.getJsonNumber("id").longValue());
        }
        System.out.printf(Locale.ROOT, "[bench] %d accounts and %d rooms ready in %.1f s%n", accountCount, roomCount,
                (System.nanoTime() - t0) / 1e9);
        return new Setup(tokens, general, rooms);
    }

    /** The id of a city's community space. */
    long citySpace(URI base, String token, String city) throws IOException, InterruptedException {
        for (JsonValue v : parse(call(base, "GET", "/api/spaces?city=" + city, token, null, 200)).asJsonArray()) {
            if (v.asJsonObject().getString("slug").equals("city-" + city)) {
                return v.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new IllegalStateException("no community space for " + city);
    }

    String signIn(URI base, String email, String password) throws IOException, InterruptedException {
        return parse(call(base, "POST", "/api/sessions", null, "{\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}", 201)).asJsonObject().getString("token");
    }

    String call(URI base, String method, String path, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static JsonValue parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readValue();
        }
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
