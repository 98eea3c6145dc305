package org.creativecities.app.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged distribution ({@code target/creative-cities-commons}) started as a separate process, the way a user
 * starts it: {@code java -Xmx512m -jar ccc-launcher.jar}, with the JDK running the tests (and C1 only unless
 * {@link Builder#longLived()}).
 *
 * <p>Each server gets a free port and its own work folder under {@code target/it-work/<name>-*} holding a fresh
 * {@code data/}, {@code runtime/} (Payara's --rootdir) and {@code tmp/} (its java.io.tmpdir), passed as
 * {@code CCC_HTTP_PORT}, {@code CCC_DATA_DIR}, {@code CCC_RUNTIME_DIR}, {@code CCC_PLUGINS_DIR}. Its standard output and error go to
 * {@code target/it-logs/<name>.log}. Other {@code CCC_*} variables of the test JVM are not passed on.
 *
 * <p>Boot once and share: see {@link SharedServer}. Use your own instance only for tests that stop, kill or
 * restart the server, or need a special configuration.
 */
public final class PackagedServer implements AutoCloseable {

    /** The prefix of the launcher's ready line (kept in sync with {@code Launcher.READY_PREFIX}). */
    public static final String READY_PREFIX = "Creative Cities Commons is ready at ";

    /**
     * PBKDF2 iterations of the test servers' password hashes ({@code ccc.auth.password-iterations}; the shipped 600,000
     * unless a test sets its own): the run registers and signs in over a thousand accounts, and at 600,000 each
     * registration and sign-in took 0.25 s of a C2 server and about 2 s of a C1-only one (the last clean-clone run:
     * about 12 minutes of requests in all, over 7 of them in the own-server lane). No test is about the hash's cost.
     */
    static final String TEST_PASSWORD_ITERATIONS = "1024";

    private static final int TAIL_LINES = 200;
    /** A graceful stop taking longer than this is worth a thread dump in the log. */
    private static final Duration SLOW_STOP = Duration.ofSeconds(8);

    private final String name;
    private final Path distribution;
    private final Map<String, String> extraEnv;
    private final List<String> jvmArgs;
    private final boolean longLived;
    private final Duration readyTimeout;
    private final Path workDir;
    private final Path dataDir;
    private final Path runtimeDir;
    private final Path tmpDir;
    private final Path pluginsDir;
    private final Path logFile;

    private final Deque<String> tail = new ArrayDeque<>();
    private Writer log;
    private Process process;
    private List<Thread> pumps = List.of();
    private CompletableFuture<String> readyLine = new CompletableFuture<>();
    private int port;
    private Duration lastBootTime;
    private boolean finished;
    /** What the current (last) process printed, both streams. */
    private final StringBuilder output = new StringBuilder();

    private PackagedServer(Builder b) {
        this.name = b.name;
        this.distribution = b.distribution.toAbsolutePath().normalize();
        this.extraEnv = Map.copyOf(b.env);
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.longLived = b.longLived;
        this.readyTimeout = b.readyTimeout;
        try {
            Path work = Path.of(System.getProperty("ccc.it.work", "target/it-work")).toAbsolutePath();
            Files.createDirectories(work);
            this.workDir = Files.createTempDirectory(work, name + "-");
            this.dataDir = Files.createDirectories(workDir.resolve("data"));
            this.runtimeDir = Files.createDirectories(workDir.resolve("runtime"));
            this.tmpDir = Files.createDirectories(workDir.resolve("tmp"));
            this.pluginsDir = copyBundledPlugins(distribution.resolve("plugins"), workDir.resolve("plugins"));
            Path logs = Path.of(System.getProperty("ccc.it.logs", "target/it-logs")).toAbsolutePath();
            this.logFile = Files.createDirectories(logs).resolve(name + ".log");
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each server gets its own copy of the distribution's bundled plugins, so that tests which install,
     * upgrade or remove plugins never change the distribution or another server.
     */
    private static Path copyBundledPlugins(Path bundled, Path own) throws IOException {
        Files.createDirectories(own);
        if (Files.isDirectory(bundled)) {
            try (var jars = Files.list(bundled)) {
                for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                    Files.copy(jar, own.resolve(jar.getFileName()));
                }
            }
        }
        return own;
    }

    /** This server's plugins folder (a copy of the distribution's bundled plugins). */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** A server named {@code name} (used for its log file and work folder) on the default distribution. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The distribution assembled by the build: system property {@code ccc.dist.dir}, set by failsafe. */
    public static Path defaultDistribution() {
        return Path.of(System.getProperty("ccc.dist.dir", "target/creative-cities-commons"));
    }

    /** Starts the server on a free port and waits for the ready line; fails with the last log lines if none comes. */
    public synchronized PackagedServer start() {
        return start(freePort());
    }

    /**
     * Payara Micro 6.2025.10 now and then fails a deployment at boot with "Error while installing policy
     * provider: … getContextClassLoader() is null", a race inside its security start-up that has nothing to do
     * with the application. Such a boot is tried once more; any other failure, or the same one twice, fails.
     */
    private static final String PAYARA_BOOT_RACE = "Error while installing policy provider";

    private PackagedServer start(int chosenPort) {
        try {
            return startOnce(chosenPort);
        } catch (AssertionError first) {
            if (!first.getMessage().contains("before it was ready") || !logText().contains(PAYARA_BOOT_RACE)) {
                throw first;
            }
            logLine("[testkit] Payara's policy-provider race failed this boot; trying once more");
            return startOnce(chosenPort);
        }
    }

    private PackagedServer startOnce(int chosenPort) {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        this.port = chosenPort;
        Instant begin = Instant.now();
        launch();
        String line;
        try {
            line = awaitReadyOrExit(readyTimeout);
        } catch (RuntimeException | Error e) {
            kill();
            throw e;
        }
        if (line == null) {
            int code = process.exitValue();
            finish("exited");
            throw new AssertionError(name + " exited with code " + code + " before it was ready. Last log lines ("
                    + logFile + "):\n" + tailText());
        }
        lastBootTime = Duration.between(begin, Instant.now());
        logLine("[testkit] ready after " + lastBootTime.toMillis() + " ms: " + line);
        return this;
    }

    /**
     * Starts the server expecting start-up to fail: waits for the process to exit (at most the ready timeout) and
     * returns its exit code and output. Fails if the server becomes ready instead.
     */
    public synchronized Failure startExpectingFailure() {
        this.port = freePort();
        launch();
        String line = awaitReadyOrExit(readyTimeout);
        if (line != null) {
            stop();
            throw new AssertionError(name + " started although it should have failed: " + line);
        }
        finish("exited");
        return new Failure(process.exitValue(), processOutput());
    }

    /** The exit code and the complete output (both streams) of a start-up that failed. */
    public record Failure(int exitCode, String output) {
    }

    /** Graceful stop: SIGTERM (Payara's shutdown hooks run), waits up to 60 s, then SIGKILL. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            // ProcessHandle.destroy sends SIGTERM without closing our end of the pipes (Process.destroy closes
            // them at once, losing what the server prints while it shuts down).
            logLine("[testkit] " + Instant.now() + " stopping " + name);
            process.toHandle().destroy();
            try {
                if (!process.waitFor(SLOW_STOP.toSeconds(), TimeUnit.SECONDS)) {
                    threadDump("[testkit] still running " + SLOW_STOP.toSeconds() + " s after SIGTERM");
                }
                if (!process.waitFor(60 - SLOW_STOP.toSeconds(), TimeUnit.SECONDS)) {
                    logLine("[testkit] no exit 60 s after SIGTERM; killing");
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        finish("stopped");
    }

    /** Writes the server's threads to the log (with {@code jcmd}), to show what a slow stop waits for. */
    private void threadDump(String why) {
        logLine(why + "; its threads:");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            logLine(text);
        } catch (IOException e) {
            logLine("[testkit] no thread dump: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: no shutdown hooks, as in a crash or power loss. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish("killed");
    }

    /** Stops (if running) and starts again with the same data and runtime folders, on the same port if it is free. */
    public synchronized PackagedServer restart() {
        stop();
        int previous = port;
        return start(previous > 0 && isFree(previous) ? previous : freePort());
    }

    @Override
    public void close() {
        stop();
    }

    /** The exit code of the last process: 143 after {@link #stop()} (SIGTERM), 137 after {@link #kill()}. */
    public int exitCode() {
        if (process == null || process.isAlive()) {
            throw new IllegalStateException(name + " has not exited");
        }
        return process.exitValue();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id of the running server. */
    public synchronized long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** {@code http://localhost:<port>}, as printed in the ready line. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** The PostgreSQL database this server runs on, when its {@code CCC_DB_URL} names one. */
    public Optional<PostgresDatabase.Fresh> postgresDatabase() {
        String url = extraEnv.getOrDefault("CCC_DB_URL", "");
        return url.startsWith("jdbc:postgresql:")
                ? Optional.of(new PostgresDatabase.Fresh(url, extraEnv.getOrDefault("CCC_DB_USER", ""),
                        extraEnv.getOrDefault("CCC_DB_PASSWORD", "")))
                : Optional.empty();
    }

    /** An {@link Api} client for this server, without a token. */
    public Api api() {
        return new Api(baseUri());
    }

    public Path distribution() {
        return distribution;
    }

    public Path workDir() {
        return workDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Payara Micro's --rootdir. */
    public Path runtimeDir() {
        return runtimeDir;
    }

    /** The server JVM's java.io.tmpdir. */
    public Path tmpDir() {
        return tmpDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** Wall time of the last successful start, from process launch to the ready line. */
    public Duration lastBootTime() {
        return lastBootTime;
    }

    /** What the current (or last) server process printed on both streams, without the testkit's lines. */
    public String processOutput() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Everything the server printed so far (both streams, all starts), plus the testkit's own lines. */
    public String logText() {
        synchronized (tail) {
            try {
                if (log != null) {
                    log.flush();
                }
                return Files.readString(logFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void launch() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = distribution.resolve("ccc-launcher.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the build's package phase first");
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx512m");
        if (!longLived) {
            // C1 only: a server of one test class lives for seconds to a minute or two, most of a boot's CPU is the
            // C2 compiler working on code that runs once, and the suite runs on 2 cores. Measured on the packaged
            // server: launch to ready 23.5 s -> 17.8 s, CPU at ready 43 s -> 25 s (docs/benchmarks.md, "The test
            // suite's time"). Not for the servers that serve a whole run (longLived): there C2's code pays off.
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());

        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("CCC_"));
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("CCC_HTTP_PORT", String.valueOf(port));
        overrides.put("CCC_DATA_DIR", dataDir.toString());
        overrides.put("CCC_RUNTIME_DIR", runtimeDir.toString());
        overrides.put("CCC_PLUGINS_DIR", pluginsDir.toString());
        overrides.put("CCC_AUTH_PASSWORD_ITERATIONS", TEST_PASSWORD_ITERATIONS);
        overrides.putAll(extraEnv);
        env.putAll(overrides);

        readyLine = new CompletableFuture<>();
        finished = false;
        synchronized (output) {
            output.setLength(0);
        }
        try {
            synchronized (tail) {
                log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            logLine("[testkit] " + Instant.now() + " starting " + name + ": " + String.join(" ", command));
            Map<String, String> shown = new LinkedHashMap<>(overrides);
            shown.replaceAll((k, v) -> k.contains("PASSWORD") || k.contains("SECRET") ? "<hidden>" : v);
            logLine("[testkit] environment: " + shown);
            process = pb.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread out = pump(process.getInputStream(), true, name + "-stdout");
        Thread err = pump(process.getErrorStream(), false, name + "-stderr");
        pumps = List.of(out, err);
    }

    private Thread pump(InputStream stream, boolean stdout, String threadName) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    logLine(line);
                    if (stdout && line.startsWith(READY_PREFIX)) {
                        readyLine.complete(line);
                    }
                }
            } catch (IOException e) {
                logLine("[testkit] reading " + threadName + " failed: " + e);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The ready line, or {@code null} if the process exited first; throws on timeout. */
    private String awaitReadyOrExit(Duration timeout) {
        CompletableFuture<Object> first = CompletableFuture.anyOf(readyLine, process.onExit());
        try {
            first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + " was not ready within " + timeout + ". Last log lines (" + logFile
                    + "):\n" + tailText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (readyLine.isDone()) {
            return readyLine.join();
        }
        joinPumps();
        return readyLine.getNow(null);
    }

    private void finish(String how) {
        if (finished) {
            return;
        }
        finished = true;
        joinPumps();
        logLine("[testkit] " + Instant.now() + " " + how + " " + name + " (exit code "
                + (process.isAlive() ? "?" : process.exitValue()) + ")");
        synchronized (tail) {
            try {
                if (log != null) {
                    log.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                log = null;
            }
        }
    }

    private void joinPumps() {
        for (Thread t : pumps) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void logLine(String line) {
        synchronized (tail) {
            tail.addLast(line);
            while (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
            if (log != null) {
                try {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                } catch (IOException e) {
                    // the log is a convenience; the tail still has the line
                }
            }
        }
    }

    private String tailText() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** The lowest port handed out here: above the well-known and most registered services' ports. */
    static final int LOWEST_PORT = 15_000;

    /**
     * A port that was free a moment ago, below the system's ephemeral range. A port the system picked (bind to 0) is
     * an ephemeral one, and between this check and the server's bind, one of the many outgoing connections of the
     * tests running beside could take it as its local port: the server then failed to start with "Address already
     * in use". Ports below the range are never given to outgoing connections.
     */
    public static int freePort() {
        int below = ephemeralRange()[0];
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200 && below > LOWEST_PORT + 1; attempt++) {
            int port = random.nextInt(LOWEST_PORT, below);
            if (isFreeNow(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST_PORT + " and " + below);
    }

    /** The system's range of ephemeral ports, {@code [low, high]} (Linux's default when it cannot be read). */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }

    private static boolean isFreeNow(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Configures a {@link PackagedServer}. */
    public static final class Builder {
        private final String name;
        private Path distribution = defaultDistribution();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private boolean longLived;
        /** 240 s, or {@code -Dccc.it.ready-seconds} on a machine that other builds load. */
        private Duration readyTimeout = Duration.ofSeconds(Long.getLong("ccc.it.ready-seconds", 240));

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("name must be usable as a file name: " + name);
            }
            this.name = name;
        }

        /** An environment variable for the server, e.g. {@code env("CCC_AUTH_TOKEN_TTL", "PT1M")}. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /**
         * A server that serves many test classes (the shared and the browser server): it keeps the JVM's default
         * JIT. The others run with C1 only, which boots faster and runs slower.
         */
        public Builder longLived() {
            longLived = true;
            return this;
        }

        /** An extra JVM option, e.g. {@code -Dccc.log.format=json}. */
        public Builder jvmArg(String arg) {
            jvmArgs.add(Objects.requireNonNull(arg));
            return this;
        }

        /** Another distribution folder (e.g. a copy with a modified file). */
        public Builder distribution(Path folder) {
            this.distribution = Objects.requireNonNull(folder);
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Creates the work folders; does not start anything. With {@code -Dccc.it.db=postgresql}, a server that names
         * no database of its own gets a fresh PostgreSQL database ({@link PostgresDatabase}).
         */
        public PackagedServer build() {
            PostgresDatabase.applyToWholeRun(name, env);
            return new PackagedServer(this);
        }

        /** {@link #build()} then {@link PackagedServer#start()}. */
        public PackagedServer start() {
            return build().start();
        }
    }
}
