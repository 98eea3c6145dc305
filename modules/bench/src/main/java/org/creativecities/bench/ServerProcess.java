package org.creativecities.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the harness measures of a server process from the outside: CPU time, RSS and allowed CPUs from {@code /proc},
 * and for a JVM the heap in use ({@code jcmd <pid> GC.heap_info}).
 */
final class ServerProcess {

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux we run on). */
    private static final double TICKS = 100.0;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private ServerProcess() {
    }

    /** User + system CPU seconds the process used so far; NaN if it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident set size in MiB; NaN if the process is gone. */
    static double rssMiB(long pid) {
        String rss = statusField(Path.of("/proc/" + pid + "/status"), "VmRSS");
        return rss.isEmpty() ? Double.NaN : Long.parseLong(rss.replaceAll("[^0-9]", "")) / 1024.0;
    }

    /** The CPUs the process may run on ({@code Cpus_allowed_list}, e.g. "0-1"); empty if it is gone. */
    static String cpus(long pid) {
        return statusField(Path.of("/proc/" + pid + "/status"), "Cpus_allowed_list");
    }

    /** A field of a /proc {@code status} file (a process's or a thread's); empty if unreadable. */
    static String statusField(Path status, String name) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith(name + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return "";
    }

    /** Java heap in use in MiB (after a full GC when {@code gcFirst}); NaN for a non-JVM or on failure. */
    static double heapMiB(long pid, boolean java, boolean gcFirst) {
        if (!java) {
            return Double.NaN;
        }
        try {
            if (gcFirst) {
                jcmd(pid, "GC.run");
            }
            Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        // Through a file, with a time limit: attaching to a JVM in trouble (out of memory, stalled) may never end.
        Path out = Files.createTempFile("jcmd", ".txt");
        try {
            Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
    }
}
