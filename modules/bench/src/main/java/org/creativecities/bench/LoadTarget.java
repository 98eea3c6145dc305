package org.creativecities.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.Properties;

/**
 * A server under test: its WebSocket URL, process, accounts and rooms. A cluster is one target of several nodes:
 * comma-separated URLs and pids; connection {@code i} goes to node {@code i mod n}, and the CPU and memory figures
 * are the nodes' sums.
 */
final class LoadTarget {
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

    LoadTarget(Properties p, String name) {
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
