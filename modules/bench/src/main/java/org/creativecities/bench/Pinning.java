package org.creativecities.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU pinning for the fan-out (issue 13: "the server was pinned to one core and the generator to the other"), with
 * {@code taskset} (util-linux): the servers under test on one CPU, the load generator's JVM on another, so that
 * neither takes the other's CPU time and the generator's own cost cannot slow the server down.
 *
 * <p>The servers are started unpinned and pinned only for the fan-out ({@code taskset -a -p}, every thread), then
 * given their CPUs back: a JVM started on one CPU would size itself for one (serial GC, fewer compiler and pool
 * threads) and so would not be the server the other parts measure; the REST, realistic and idle parts stay as they
 * were. The generator is started under {@code taskset -c}. {@code -Dbench.pin=false} turns it off; without
 * {@code taskset}, or with fewer than 2 CPUs, the fan-out runs unpinned and the report says why.
 */
final class Pinning {

    /** The generator's CPU and the servers' CPU (numbers as taskset takes them); null when not pinning. */
    private String generatorCpu;
    private String serverCpu;
    private String note;
    private final Map<Long, String> restore = new LinkedHashMap<>();

    private Pinning(String generatorCpu, String serverCpu, String note) {
        this.generatorCpu = generatorCpu;
        this.serverCpu = serverCpu;
        this.note = note;
    }

    /** What this machine allows: the first two CPUs this process may run on, if taskset is there and wanted. */
    static Pinning detect(boolean wanted) {
        if (!wanted) {
            return new Pinning(null, null, "none (-Dbench.pin=false)");
        }
        List<Integer> cpus = cpus(ServerProcess.cpus(ProcessHandle.current().pid()));
        if (cpus.size() < 2) {
            return new Pinning(null, null, "none: fewer than 2 CPUs (" + cpus + "); the fan-out ran unpinned");
        }
        if (taskset() == null) {
            return new Pinning(null, null, "none: taskset (util-linux) not found on the PATH; the fan-out ran unpinned");
        }
        String generator = Integer.toString(cpus.get(0));
        String server = Integer.toString(cpus.get(1));
        return new Pinning(generator, server, "fan-out only: both servers on CPU " + server
                + ", the load generator on CPU " + generator + " (taskset); the other parts unpinned");
    }

    /** For the report's machine table. */
    String describe() {
        return note;
    }

    boolean on() {
        return serverCpu != null;
    }

    /** The prefix that starts the load generator on its CPU; empty when not pinning. */
    List<String> generatorPrefix() {
        return on() ? List.of(taskset(), "-c", generatorCpu) : List.of();
    }

    /**
     * Pins every thread of each running server to the servers' CPU. If that fails for one, the others are given
     * their CPUs back, pinning is off for the rest of the run, and the note says why.
     */
    void pinServers(long... pids) {
        if (!on()) {
            return;
        }
        for (long pid : pids) {
            String before = ServerProcess.cpus(pid);
            String failure = set(pid, serverCpu);
            if (failure != null) {
                unpinServers();
                note = "none: `taskset -a -p -c " + serverCpu + " " + pid + "` failed (" + failure
                        + "); the fan-out ran unpinned";
                generatorCpu = null;
                serverCpu = null;
                System.out.println("[bench] pinning: " + note);
                return;
            }
            restore.put(pid, before);
        }
        System.out.println("[bench] pinning: servers " + restore.keySet() + " on CPU " + serverCpu
                + ", the load generator on CPU " + generatorCpu);
    }

    /** Gives the pinned servers back the CPUs they had. */
    void unpinServers() {
        restore.forEach((pid, cpus) -> {
            String failure = set(pid, cpus);
            System.out.println("[bench] pinning: " + pid + (failure == null ? " back on CPUs " + cpus
                    : " could not be given its CPUs " + cpus + " back: " + failure));
        });
        restore.clear();
    }

    /** Sets the CPUs of every thread of {@code pid} and checks them; null, or what went wrong. */
    private static String set(long pid, String cpuList) {
        String out = "";
        // A thread started while taskset walked the others may be missed: check them all, and try once more.
        for (int attempt = 0; attempt < 2; attempt++) {
            out = Bench.exec(List.of(taskset(), "-a", "-p", "-c", cpuList, Long.toString(pid))).trim();
            if (threadsNotOn(pid, cpus(cpuList)).isEmpty()) {
                return null;
            }
        }
        return "threads " + threadsNotOn(pid, cpus(cpuList)) + " not on CPUs " + cpuList + ": " + out;
    }

    /** The threads of {@code pid} whose allowed CPUs are not {@code cpus} (all, if they cannot be read). */
    private static List<String> threadsNotOn(long pid, List<Integer> cpus) {
        List<String> off = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String allowed = ServerProcess.statusField(task.resolve("status"), "Cpus_allowed_list");
                if (!allowed.isEmpty() && !cpus(allowed).equals(cpus)) { // empty: the thread ended meanwhile
                    off.add(task.getFileName().toString());
                }
            }
        } catch (IOException e) {
            off.add("(cannot read /proc/" + pid + "/task)");
        }
        return off;
    }

    /** The CPU numbers of a list such as "0-1" or "0,2-3". */
    static List<Integer> cpus(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int c = from; c <= to; c++) {
                out.add(c);
            }
        }
        return out;
    }

    /** The taskset executable on the PATH; null if there is none. */
    private static String taskset() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "taskset");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
