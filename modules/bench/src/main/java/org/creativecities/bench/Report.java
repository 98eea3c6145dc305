package org.creativecities.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the report as markdown: our server beside its baseline, with the ratio, for every figure. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmark report (").append(r.get("mode")).append(" run)\n\n");
        Map<String, Object> m = (Map<String, Object>) r.get("machine");
        b.append("| machine | |\n|---|---|\n");
        m.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\n`ccc` = Creative Cities Commons (packaged distribution, -Xmx1g, fresh H2 file); `ws` = the Node.js "
                + "`ws` broadcast baseline (persists nothing). Ratios are ccc / baseline, measured in the same run.\n\n");

        List<Map<String, String>> fanout = (List<Map<String, String>>) r.getOrDefault("fanout", List.of());
        List<Map<String, String>> realistic = (List<Map<String, String>>) r.getOrDefault("realistic", List.of());
        List<Map<String, String>> idle = (List<Map<String, String>>) r.getOrDefault("idle", List.of());
        Map<String, Object> boot = (Map<String, Object>) r.get("boot");
        List<Map<String, Object>> rest = (List<Map<String, Object>>) r.get("rest");

        targets(b, fanout, realistic, idle, boot, rest);

        Map<String, List<Map<String, String>>> byN = new LinkedHashMap<>();
        for (Map<String, String> row : fanout) {
            byN.computeIfAbsent(row.get("receivers"), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<Map<String, String>>> e : byN.entrySet()) {
            List<Map<String, String>> ccc = only(e.getValue(), "ccc");
            List<Map<String, String>> ws = only(e.getValue(), "ws");
            b.append("## Live fan-out: one room, ").append(e.getKey()).append(" receivers, ")
                    .append(e.getValue().get(0).get("senders")).append(" senders\n\n");
            b.append("Open loop; latency from the intended send time to receipt (ms). A step passes with p99 ≤ 50 ms, "
                    + "0 lost, 0 duplicated, 0 errors and every post acked.\n\n");
            b.append("| posts/s | offered msgs/s | ccc delivered/s | ccc p50 | ccc p99 | ccc p99.9 | ccc lost/dup/err "
                    + "| ccc CPU (generator) | ccc heap MiB | ccc RSS MiB | ws delivered/s | ws p50 | ws p99 | ws p99.9 "
                    + "| ws lost/dup/err | ws CPU (generator) | ws RSS MiB | delivered ratio | p99 ratio |\n");
            b.append("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
            int n = Math.max(ccc.size(), ws.size());
            for (int i = 0; i < n; i++) {
                Map<String, String> c = i < ccc.size() ? ccc.get(i) : null;
                Map<String, String> w = i < ws.size() ? ws.get(i) : null;
                Map<String, String> any = c != null ? c : w;
                b.append("| ").append(any.get("postsPerSec")).append(" | ").append(any.get("offeredPerSec"));
                side(b, c, true);
                side(b, w, false);
                b.append(" | ").append(ratio(c, w, "deliveredPerSec")).append(" | ").append(ratio(c, w, "p99"))
                        .append(" |\n");
            }
            if (!ccc.isEmpty() && !ws.isEmpty()) {
                b.append(String.format(Locale.ROOT, "%nJoining the %s connections to the room: ccc %s s, ws %s s. "
                        + "CPU in cores over the step; in parentheses the load generator's own.%n", e.getKey(),
                        ccc.get(0).getOrDefault("joinSeconds", "—"), ws.get(0).getOrDefault("joinSeconds", "—")));
            }
            double cm = maxSustainable(ccc);
            double wm = maxSustainable(ws);
            b.append(String.format(Locale.ROOT, "%nMaximum sustainable throughput (last passing step): ccc **%s** "
                            + "msgs/s, ws **%s** msgs/s, ratio **%s**.%s%n%n", f0(cm), f0(wm), f2(cm / wm),
                    problems(ccc, ws)));
        }

        if (!realistic.isEmpty()) {
            b.append("## Realistic load\n\n");
            Map<String, String> any = realistic.get(0);
            b.append(any.get("users")).append(" users (one connection each) in ").append(any.get("rooms"))
                    .append(" rooms, each posting once every 10 s at a random phase.\n\n");
            b.append("| | posts | deliveries | p50 ms | p99 ms | p99.9 ms | ack p50 ms | ack p99 ms | lost | dup | error frames "
                    + "| missing acks | failed/closed connections | error rate | CPU | RSS MiB |\n");
            b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, String> row : realistic) {
                cells(b, row, "target", "sent", "delivered", "p50", "p99", "p999", "ackP50", "ackP99", "lost",
                        "duplicated", "errors", "missingAcks", "failedConnects/closed", "errorRate", "cpuCores",
                        "rssMiB");
            }
            Map<String, String> c = only(realistic, "ccc").stream().findFirst().orElse(null);
            Map<String, String> w = only(realistic, "ws").stream().findFirst().orElse(null);
            b.append("\np99 ratio ccc/ws: ").append(ratio(c, w, "p99")).append(".")
                    .append(problems(only(realistic, "ccc"), only(realistic, "ws"))).append("\n\n");
        }

        if (!idle.isEmpty()) {
            b.append("## Idle authenticated WebSockets\n\n");
            b.append("| | opened | held after the hold period | stopped by | heap before/after MiB (after full GC) "
                    + "| heap KiB per connection | RSS before/after MiB | RSS KiB per connection |\n");
            b.append("|---|---:|---:|---|---:|---:|---:|---:|\n");
            for (Map<String, String> row : idle) {
                cells(b, row, "target", "opened", "held", "stoppedBy", "heapBeforeMiB/heapAfterMiB",
                        "heapKiBPerConnection", "rssBeforeMiB/rssAfterMiB", "rssKiBPerConnection");
            }
            b.append("\n");
        }

        Map<String, Object> attack = (Map<String, Object>) r.get("attack");
        if (attack != null) {
            AttackReport.markdown(b, attack);
        }

        if (boot != null) {
            b.append("## Boot: launch to ready\n\n| | runs (s) | median (s) |\n|---|---|---:|\n");
            b.append("| ccc, all bundled plugins, fresh H2 | ").append(list((List<Double>) boot.get("oursSeconds")))
                    .append(" | ").append(f2((Double) boot.get("oursMedian"))).append(" |\n");
            b.append("| bare Payara Micro, same flags | ").append(list((List<Double>) boot.get("bareSeconds")))
                    .append(" | ").append(f2((Double) boot.get("bareMedian"))).append(" |\n");
            b.append("\nRatio: **").append(f2((Double) boot.get("ratio"))).append("**.\n\n");
        }

        if (rest != null) {
            b.append("## REST (wrk -t2 -c64 -d10s)\n\nBaseline: bare Payara Micro serving the same response bytes "
                    + "as a static file.\n\n");
            b.append("| endpoint | bytes | ccc req/s | ccc p50 ms | ccc p99 ms | baseline req/s | baseline p50 ms "
                    + "| baseline p99 ms | req/s ratio | p99 ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> row : rest) {
                Map<String, Object> o = (Map<String, Object>) row.get("ours");
                Map<String, Object> t = (Map<String, Object>) row.get("baseline");
                b.append("| ").append(row.get("endpoint")).append(" | ").append(row.get("bytes")).append(" | ")
                        .append(f0(d(o.get("rps")))).append(" | ").append(f2(d(o.get("p50ms")))).append(" | ")
                        .append(f2(d(o.get("p99ms")))).append(" | ").append(f0(d(t.get("rps")))).append(" | ")
                        .append(f2(d(t.get("p50ms")))).append(" | ").append(f2(d(t.get("p99ms")))).append(" | ")
                        .append(f2(d(o.get("rps")) / d(t.get("rps")))).append(" | ")
                        .append(f2(d(o.get("p99ms")) / d(t.get("p99ms")))).append(" |\n");
            }
            b.append("\n");
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void targets(StringBuilder b, List<Map<String, String>> fanout, List<Map<String, String>> realistic,
                                List<Map<String, String>> idle, Map<String, Object> boot,
                                List<Map<String, Object>> rest) {
        if (fanout.isEmpty() && realistic.isEmpty() && idle.isEmpty() && boot == null && rest == null) {
            return; // the mixed attack alone has its own targets
        }
        b.append("## Targets\n\n| target | ccc | baseline | ratio | met |\n|---|---|---|---:|---|\n");
        List<Map<String, String>> f1000 = fanout.stream().filter(r -> r.get("receivers").equals("1000")).toList();
        if (!f1000.isEmpty()) {
            double c = maxSustainable(only(f1000, "ccc"));
            double w = maxSustainable(only(f1000, "ws"));
            b.append("| fan-out, 1,000 receivers: ≥ 100k msgs/s at p99 ≤ 50 ms, 0 loss, ≥ 0.8× ws | ").append(f0(c))
                    .append(" msgs/s | ").append(f0(w)).append(" msgs/s | ").append(f2(c / w)).append(" | ")
                    .append(c >= 100_000 && c / w >= 0.8 ? "yes" : "**no**").append(" |\n");
        }
        Map<String, String> rc = only(realistic, "ccc").stream().findFirst().orElse(null);
        Map<String, String> rw = only(realistic, "ws").stream().findFirst().orElse(null);
        if (rc != null && rw != null) {
            boolean ok = Double.parseDouble(rc.get("p99")) <= 50 && totalErrors(rc) == 0;
            b.append("| ").append(rc.get("users")).append(" users in ").append(rc.get("rooms"))
                    .append(" rooms: p99 ≤ 50 ms, 0 errors | p99 ").append(rc.get("p99")).append(" ms, ")
                    .append(totalErrors(rc)).append(" errors | p99 ").append(rw.get("p99")).append(" ms, ")
                    .append(totalErrors(rw)).append(" errors | ").append(ratio(rc, rw, "p99")).append(" | ")
                    .append(ok ? "yes" : "**no**").append(" |\n");
        }
        Map<String, String> ic = only(idle, "ccc").stream().findFirst().orElse(null);
        Map<String, String> iw = only(idle, "ws").stream().findFirst().orElse(null);
        if (ic != null && iw != null) {
            double c = Double.parseDouble(ic.get("held"));
            b.append("| idle WebSockets at -Xmx1g: ≥ 20,000 | ").append(ic.get("held")).append(" (").append(ic.get("stoppedBy"))
                    .append(") | ").append(iw.get("held")).append(" (").append(iw.get("stoppedBy")).append(") | ")
                    .append(f2(c / Double.parseDouble(iw.get("held")))).append(" | ")
                    .append(c >= 20_000 ? "yes" : "**no**").append(" |\n");
        }
        if (boot != null) {
            double ratio = (Double) boot.get("ratio");
            b.append("| boot with all bundled plugins: ≤ 1.3× bare Payara Micro | ")
                    .append(f2((Double) boot.get("oursMedian"))).append(" s | ").append(f2((Double) boot.get("bareMedian")))
                    .append(" s | ").append(f2(ratio)).append(" | ").append(ratio <= 1.3 ? "yes" : "**no**").append(" |\n");
        }
        if (rest != null && !rest.isEmpty()) {
            Map<String, Object> o = (Map<String, Object>) rest.get(0).get("ours");
            Map<String, Object> t = (Map<String, Object>) rest.get(0).get("baseline");
            boolean ok = d(o.get("rps")) >= 20_000 && d(o.get("p99ms")) <= 20;
            b.append("| REST city list: ≥ 20k req/s, p99 ≤ 20 ms | ").append(f0(d(o.get("rps")))).append(" req/s, p99 ")
                    .append(f2(d(o.get("p99ms")))).append(" ms | ").append(f0(d(t.get("rps")))).append(" req/s, p99 ")
                    .append(f2(d(t.get("p99ms")))).append(" ms | ").append(f2(d(o.get("rps")) / d(t.get("rps"))))
                    .append(" | ").append(ok ? "yes" : "**no**").append(" |\n");
        }
        b.append("\n");
    }

    /** One table row: the named cells of {@code row}; "a/b" shows two values, "errorRate" is computed. */
    private static void cells(StringBuilder b, Map<String, String> row, String... keys) {
        for (String key : keys) {
            b.append("| ");
            if (key.equals("errorRate")) {
                b.append(errorRate(row));
            } else {
                b.append(String.join(" / ", java.util.Arrays.stream(key.split("/")).map(row::get).toList()));
            }
            b.append(" ");
        }
        b.append("|\n");
    }

    private static void side(StringBuilder b, Map<String, String> r, boolean ccc) {
        if (r == null) {
            b.append(ccc ? " | — | — | — | — | — | — | — | —" : " | — | — | — | — | — | — | —");
            return;
        }
        String pass = Boolean.parseBoolean(r.get("pass")) ? "" : " ✗";
        b.append(" | ").append(r.get("deliveredPerSec")).append(pass).append(" | ").append(r.get("p50")).append(" | ")
                .append(r.get("p99")).append(" | ").append(r.get("p999")).append(" | ").append(r.get("lost")).append("/")
                .append(r.get("duplicated")).append("/")
                .append(Long.parseLong(r.get("errors")) + Long.parseLong(r.get("missingAcks"))
                        + Long.parseLong(r.get("closed")))
                .append(" | ").append(r.get("cpuCores")).append(" (").append(r.getOrDefault("loadgenCpuCores", "—"))
                .append(")");
        if (ccc) {
            b.append(" | ").append(r.get("heapMiB"));
        }
        b.append(" | ").append(r.get("rssMiB"));
    }

    static List<Map<String, String>> only(List<Map<String, String>> rows, String target) {
        return rows.stream().filter(r -> target.equals(r.get("target"))).toList();
    }

    /** The delivered msgs/s of the last passing step before the first failing one; 0 if none passed. */
    static double maxSustainable(List<Map<String, String>> rows) {
        double best = 0;
        for (Map<String, String> r : rows) {
            if (!Boolean.parseBoolean(r.get("pass"))) {
                break;
            }
            best = Double.parseDouble(r.get("deliveredPerSec"));
        }
        return best;
    }

    static long totalErrors(Map<String, String> r) {
        return Long.parseLong(r.get("errors")) + Long.parseLong(r.get("missingAcks")) + Long.parseLong(r.get("lost"))
                + Long.parseLong(r.get("duplicated")) + Long.parseLong(r.get("closed"))
                + Long.parseLong(r.get("failedConnects"));
    }

    private static String errorRate(Map<String, String> r) {
        double sent = Double.parseDouble(r.get("sent")) + Double.parseDouble(r.get("expected"));
        return String.format(Locale.ROOT, "%.4f%%", 100.0 * totalErrors(r) / Math.max(1, sent));
    }

    private static String problems(List<Map<String, String>> ccc, List<Map<String, String>> ws) {
        StringBuilder b = new StringBuilder();
        for (List<Map<String, String>> rows : List.of(ccc, ws)) {
            for (Map<String, String> r : rows) {
                String p = r.getOrDefault("problems", "");
                if (!p.isBlank()) {
                    b.append(" ").append(r.get("target")).append(" at ").append(r.get("postsPerSec"))
                            .append(" posts/s: `").append(p.replace("`", "'").replace("|", "\\|")).append("`.");
                    break;
                }
            }
        }
        return b.toString();
    }

    private static String ratio(Map<String, String> c, Map<String, String> w, String key) {
        if (c == null || w == null) {
            return "—";
        }
        return f2(Double.parseDouble(c.get(key)) / Double.parseDouble(w.get(key)));
    }

    private static String list(List<Double> v) {
        return String.join(", ", v.stream().map(Report::f2).toList());
    }

    private static double d(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
    }

    static String f0(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f2(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
