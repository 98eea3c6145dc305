package org.creativecities.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The processes a benchmark run starts: our packaged server, bare Payara Micro, the Node.js programs (the {@code ws}
 * baseline and the others'), each on a folder of its own, started and awaited until it prints that it is ready. It
 * keeps every process it started, to stop them all at the end.
 */
final class BenchProcesses {

    private final Path dist;
    private final Path nodeSrc;
    private final Path work;
    private final Path reportDir;
    /** Every process started, to stop at the end; the attack's server may start on a thread of its own. */
    private final List<Process> started = Collections.synchronizedList(new ArrayList<>());

    BenchProcesses(Path dist, Path nodeSrc, Path work, Path reportDir) {
        this.dist = dist;
        this.nodeSrc = nodeSrc;
        this.work = work;
        this.reportDir = reportDir;
    }

    /** Our packaged server on a fresh work folder (fresh H2 file), with the bench limits. */
    Process startCcc(String name, int port, String xmx, boolean record) throws IOException {
        return startCcc(Files.createDirectories(work.resolve(name + "-" + System.nanoTime())), port, xmx, record,
                Bench.BENCH_ENV);
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
        List<String> cmd = new ArrayList<>(List.of(Bench.java()));
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
        return startAndAwait(pb, dir.resolve("server.log"), Bench.READY_PREFIX, Duration.ofMinutes(10));
    }

    /** Bare Payara Micro (the jar our distribution ships), with the launcher's flags, deploying {@code war} if any. */
    Process startPayara(String name, int port, Path war) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name + "-" + System.nanoTime()));
        List<String> cmd = new ArrayList<>(List.of(Bench.java(), "-Xmx1g",
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
            Bench.sleep(20);
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

    /** Stops every process started (at the end of the run, or when the harness is stopped). */
    void stopAll() {
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
}
