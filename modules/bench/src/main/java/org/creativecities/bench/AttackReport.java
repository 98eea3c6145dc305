package org.creativecities.bench;

import java.util.Locale;
import java.util.Map;

/** The "Mixed attack" section of the report (see {@link AttackBench}). */
final class AttackReport {

    /** The ceiling issue 12 sets for the members' p99 post latency under attack, in ms. */
    static final double P99_LIMIT_MS = 100;
    /** The ceiling for the server log's growth during the attack. */
    static final long LOG_LIMIT_BYTES = 1 << 20;

    private AttackReport() {
    }

    private static String warmup(Map<String, String> r) {
        String seconds = r.getOrDefault("warmupSeconds", "0");
        return Double.parseDouble(seconds) > 0
                ? "before that, unmeasured, they posted once a second for " + seconds + " s (a running server)."
                : "no warm-up: the attack meets a cold server.";
    }

    @SuppressWarnings("unchecked")
    static void markdown(StringBuilder b, Map<String, Object> a) {
        Map<String, String> r = (Map<String, String>) a.get("row");
        b.append("## Mixed attack\n\n");
        b.append(String.format(Locale.ROOT, "Our server with its shipped limits (-Xmx1g, fresh H2 file, bundled plugins). "
                + "%s members (own accounts, from 127.0.0.2-5) in %s rooms each post %s times a second, open loop, for "
                + "%s s, while the attacks below run at the same time from 127.0.1.x; %s The machine's load average "
                + "(1, 5, 15 min) was %s before and %s after the attack.%n%n", r.get("users"),
                r.get("rooms"), r.get("postsPerUserPerSec"), r.get("durationSeconds"), warmup(r),
                a.get("loadAverageBefore"), a.get("loadAverageAfter")));
        double p99 = Double.parseDouble(r.get("p99"));
        double ackP99 = Double.parseDouble(r.get("ackP99"));
        long growth = ((Number) a.get("logGrowthBytes")).longValue();
        boolean oom = (Boolean) a.get("outOfMemoryError");
        long lost = Long.parseLong(r.get("lost"));
        long missing = Long.parseLong(r.get("missingAcks"));
        b.append("| target (issue 12, \"Done when\") | measured | met |\n|---|---|---|\n");
        row(b, "members' p99 post→delivery < 100 ms", r.get("p99") + " ms", p99 < P99_LIMIT_MS);
        row(b, "members' p99 post→ack < 100 ms", r.get("ackP99") + " ms", ackP99 < P99_LIMIT_MS);
        row(b, "no OutOfMemoryError", oom ? a.get("outOfMemoryLines") + " lines" : "none", !oom);
        row(b, "server log grew < 1 MiB", String.format(Locale.ROOT, "%,d bytes", growth), growth < LOG_LIMIT_BYTES);
        row(b, "members' messages lost: 0, every post acked", lost + " lost, " + missing + " not acked",
                lost == 0 && missing == 0);
        row(b, "still serving afterwards", "/health " + a.get("health") + ", /api/cities " + a.get("cityList"),
                Boolean.TRUE.equals(a.get("stillServing")));

        b.append("\nMembers (latency from the intended send time, ms):\n\n");
        b.append("| posts | deliveries expected | delivered | p50 | p99 | p99.9 | max | ack p50 | ack p99 | lost | dup "
                + "| error frames | missing acks | failed to connect / closed / still connected | server CPU (generator) |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        b.append("| ").append(String.join(" | ", r.get("sent"), r.get("expected"), r.get("delivered"), r.get("p50"),
                r.get("p99"), r.get("p999"), r.get("max"), r.get("ackP50"), r.get("ackP99"), r.get("lost"),
                r.get("duplicated"), r.get("errors"), r.get("missingAcks"),
                r.get("failedConnects") + " / " + r.get("closed") + " / " + r.get("membersStillConnected"),
                r.get("cpuCores") + " (" + r.get("loadgenCpuCores") + ")")).append(" |\n");
        if (!r.getOrDefault("slowSeconds", "").isBlank()) {
            b.append("\nSeconds of the attack (counted from the members' first post) whose slowest delivery took over "
                    + "100 ms: `").append(r.get("slowSeconds")).append("`\n");
        }
        if (!r.getOrDefault("problems", "").isBlank()) {
            b.append("\nFirst problems the members saw: `").append(r.get("problems").replace("`", "'")).append("`\n");
        }

        b.append("\nAttacks (at most the stated rate; fewer when the server answers slower). Answers: HTTP status, "
                + "WebSocket `error:<code>` frames and `close:<code>`, `reset`/`timeout`/`eof` when the connection "
                + "ended without an answer:\n\n| attack | what | sent | answers |\n|---|---|---:|---|\n");
        for (String key : r.keySet()) {
            if (key.startsWith("attack.") && key.endsWith(".what")) {
                String k = key.substring(0, key.length() - ".what".length());
                b.append("| ").append(k.substring("attack.".length())).append(" | ").append(r.get(key)).append(" | ")
                        .append(r.get(k + ".sent")).append(" | ").append(r.get(k + ".outcomes").replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        b.append("\nAfterwards:\n\n| | |\n|---|---|\n");
        b.append("| server process alive | ").append(a.get("serverAlive")).append(" |\n");
        b.append("| history of the members' rooms (status per room) | ").append(a.get("historyStatuses")).append(" |\n");
        b.append("| first administrator signs in from a fresh address | ").append(a.get("adminSignInAfter")).append(" |\n");
        b.append("| heap in use after a full GC, before / after the attack | ").append(a.get("heapBeforeMiB"))
                .append(" / ").append(a.get("heapAfterMiB")).append(" MiB |\n");
        b.append(String.format(Locale.ROOT, "| server log growth during the attack | %,d bytes, of which the access log "
                + "%,d bytes (%,d lines) |%n", growth, ((Number) a.get("accessLogBytesDuring")).longValue(),
                ((Number) a.get("accessLogLinesDuring")).longValue()));
        b.append("| in it: stack-trace lines / SEVERE / WARNING lines | ").append(a.get("stackTraceLinesDuring"))
                .append(" / ").append(a.get("severeLinesDuring")).append(" / ").append(a.get("warningLinesDuring"))
                .append(" |\n\n");
    }

    private static void row(StringBuilder b, String target, String measured, boolean met) {
        b.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }
}
