package org.creativecities.bench;

import static org.creativecities.bench.FanoutSteps.allRuns;
import static org.creativecities.bench.FanoutSteps.first;
import static org.creativecities.bench.FanoutSteps.lastPassedByBoth;
import static org.creativecities.bench.FanoutSteps.maxSustainable;
import static org.creativecities.bench.FanoutSteps.only;
import static org.creativecities.bench.FanoutSteps.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creativecities.bench.FanoutSteps.Step;

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

        TargetsTable.targets(b, fanout, realistic, idle, boot, rest);

        Map<String, List<Map<String, String>>> byN = new LinkedHashMap<>();
        for (Map<String, String> row : fanout) {
            byN.computeIfAbsent(row.get("receivers"), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<Map<String, String>>> e : byN.entrySet()) {
            fanout(b, e.getKey(), e.getValue());
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

        Map<String, Object> myRooms = (Map<String, Object>) r.get("myrooms");
        if (myRooms != null) {
            b.append("## My rooms\n\n");
            b.append("`GET /api/me/rooms` for someone who entered ").append(myRooms.get("rooms"))
                    .append(" rooms, each with ").append(myRooms.get("messagesPerRoom"))
                    .append(" unread messages by someone else; requests one after the other on one connection.\n\n");
            b.append("| rooms listed | unread rooms | answer bytes | requests | p50 ms | p90 ms | p99 ms | max ms |\n");
            b.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            b.append("| ").append(myRooms.get("listed")).append(" | ").append(myRooms.get("unreadRooms")).append(" | ")
                    .append(myRooms.get("bytes")).append(" | ").append(myRooms.get("requests")).append(" | ")
                    .append(myRooms.get("p50Ms")).append(" | ").append(myRooms.get("p90Ms")).append(" | ")
                    .append(myRooms.get("p99Ms")).append(" | ").append(myRooms.get("maxMs")).append(" |\n\n");
        }

        Map<String, Object> announce = (Map<String, Object>) r.get("announce");
        if (announce != null) {
            b.append("## Announcement fan-out\n\n");
            b.append("One announcement to a creative field: ").append(announce.get("people"))
                    .append(" members of ").append(announce.get("cities"))
                    .append(" of its cities (seeded into the H2 file), each connected over /ws; times from just "
                            + "before the POST to each notification frame's arrival.\n\n");
            b.append("| recipients | received | missing | twice | POST ms | p50 ms | p90 ms | p99 ms | max ms "
                    + "| server fan-out ms |\n");
            b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            b.append("| ").append(announce.get("recipients")).append(" | ").append(announce.get("received"))
                    .append(" | ").append(announce.get("missing")).append(" | ").append(announce.get("duplicated"))
                    .append(" | ").append(announce.get("postMs")).append(" | ").append(announce.get("p50Ms"))
                    .append(" | ").append(announce.get("p90Ms")).append(" | ").append(announce.get("p99Ms"))
                    .append(" | ").append(announce.get("maxMs")).append(" | ").append(announce.get("serverFanoutMs"))
                    .append(" |\n\n");
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
            if (boot.get("floorSeconds") != null) {
                b.append("| boot floor: bare Payara Micro deploying the smallest app on our stack | ")
                        .append(list((List<Double>) boot.get("floorSeconds"))).append(" | ")
                        .append(f2((Double) boot.get("floorMedian"))).append(" |\n");
                b.append("\nFloor ratio (the stack alone, against bare): **").append(f2((Double) boot.get("floorRatio")))
                        .append("**.");
            }
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
        ClusterReport.markdown(b, (List<Map<String, Object>>) r.get("cluster"));
        Map<String, Object> lighthouse = (Map<String, Object>) r.get("lighthouse");
        if (lighthouse != null) {
            b.append(LighthouseBench.markdown(lighthouse)).append("\n");
        }
        return b.toString();
    }

    /** The fan-out section of one receiver count: a table row per step, each server's runs of it side by side. */
    private static void fanout(StringBuilder b, String receivers, List<Map<String, String>> rows) {
        List<Step> ccc = steps(only(rows, "ccc"));
        List<Step> ws = steps(only(rows, "ws"));
        Map<String, String> first = rows.get(0);
        int runs = Integer.parseInt(first.getOrDefault("runs", "1"));
        b.append("## Live fan-out: one room, ").append(receivers).append(" receivers, ").append(first.get("senders"))
                .append(" senders\n\n");
        b.append(String.format(Locale.ROOT, "Open loop, %s-byte texts; every step %s s of warm-up, then %s s measured"
                        + "%s. Latency from the intended send time to receipt (ms). A run passes with p99 ≤ 50 ms, 0 lost, "
                        + "0 duplicated, 0 errors and every post acked; a step passes when all its runs pass.%s%n%n",
                first.getOrDefault("textBytes", "—"), first.getOrDefault("warmupSeconds", "—"),
                first.getOrDefault("stepSeconds", "—"),
                runs == 1 ? ", one run" : ", " + runs + " runs alternating ccc / ws",
                runs == 1 ? "" : " Figures are the medians of the runs, except p99 (each run's) and lost/dup/err "
                        + "(totals over the runs)."));
        if (first.containsKey("serverCpus")) {
            b.append(String.format(Locale.ROOT, "CPUs the servers could run on: %s; the load generator: %s.%n%n",
                    first.get("serverCpus"), first.get("loadgenCpus")));
        }
        String p99 = runs == 1 ? "p99" : "p99 (each run)";
        b.append("| posts/s | offered msgs/s | ccc delivered/s | ccc p50 | ccc ").append(p99).append(" | ccc p99.9 "
                + "| ccc lost/dup/err | ccc runs passed | ccc CPU (generator) | ccc CPU µs/delivery | ccc heap MiB "
                + "| ccc RSS MiB | ws delivered/s | ws p50 | ws ").append(p99).append(" | ws p99.9 | ws lost/dup/err "
                + "| ws runs passed | ws CPU (generator) | ws CPU µs/delivery | ws RSS MiB | delivered ratio | p99 ratio "
                + "| CPU/delivery ratio |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:"
                + "|---:|---:|---:|---:|\n");
        for (int i = 0; i < Math.max(ccc.size(), ws.size()); i++) {
            Step c = i < ccc.size() ? ccc.get(i) : null;
            Step w = i < ws.size() ? ws.get(i) : null;
            Step any = c != null ? c : w;
            b.append("| ").append(LoadGen.f1(any.median("postsPerSec"))).append(" | ")
                    .append(LoadGen.f1(any.median("offeredPerSec")));
            side(b, c, true);
            side(b, w, false);
            b.append(" | ").append(ratio(c, w, "deliveredPerSec")).append(" | ").append(ratio(c, w, "p99"))
                    .append(" | ").append(ratio(c, w, "cpuUsPerDelivery")).append(" |\n");
        }
        if (!ccc.isEmpty() && !ws.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nJoining the %s connections to the room: ccc %s s, ws %s s. "
                            + "CPU in cores over the measured part; in parentheses the load generator's own. CPU "
                            + "µs/delivery: the server's CPU time over the measured part / deliveries.%n", receivers,
                    first(ccc).getOrDefault("joinSeconds", "—"), first(ws).getOrDefault("joinSeconds", "—")));
        }
        double cm = maxSustainable(ccc);
        double wm = maxSustainable(ws);
        b.append(String.format(Locale.ROOT, "%nMaximum sustainable throughput (the last step passed in all its runs): "
                + "ccc **%s** msgs/s, ws **%s** msgs/s, ratio **%s**.%n", f0(cm), f0(wm), f2(cm / wm)));
        int both = lastPassedByBoth(ccc, ws);
        if (both >= 0) {
            double cu = ccc.get(both).median("cpuUsPerDelivery");
            double wu = ws.get(both).median("cpuUsPerDelivery");
            b.append(String.format(Locale.ROOT, "%nCPU per delivery at the last step both passed (%s msgs/s offered): "
                            + "ccc **%s** µs, ws **%s** µs, ratio **%s**.%n", f0(ccc.get(both).median("offeredPerSec")),
                    f2(cu), f2(wu), f2(cu / wu)));
        }
        String problems = problems(allRuns(ccc), allRuns(ws));
        if (!problems.isBlank()) {
            b.append("\nFirst problems seen:").append(problems).append("\n");
        }
        b.append("\n");
    }

    static String met(boolean ok) {
        return ok ? "yes" : "**no**";
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

    private static void side(StringBuilder b, Step s, boolean ccc) {
        if (s == null) {
            b.append(" | —".repeat(ccc ? 10 : 9));
            return;
        }
        b.append(" | ").append(LoadGen.f1(s.median("deliveredPerSec"))).append(" | ").append(f2(s.median("p50")))
                .append(" | ").append(s.each("p99")).append(" | ").append(f2(s.median("p999"))).append(" | ")
                .append(s.total("lost")).append("/").append(s.total("duplicated")).append("/")
                .append(s.total("errors") + s.total("missingAcks") + s.total("closed")).append(" | ")
                .append(s.passed() ? "" : "**").append(s.passes()).append("/").append(s.runs().size())
                .append(s.passed() ? "" : "** ✗").append(" | ").append(f2(s.median("cpuCores"))).append(" (")
                .append(f2(s.median("loadgenCpuCores"))).append(") | ").append(f2(s.median("cpuUsPerDelivery")));
        if (ccc) {
            b.append(" | ").append(s.runs().get(s.runs().size() - 1).get("heapMiB"));
        }
        b.append(" | ").append(s.runs().get(s.runs().size() - 1).get("rssMiB"));
    }

    static long totalErrors(Map<String, String> r) {
        return Long.parseLong(r.get("errors")) + Long.parseLong(r.get("missingAcks")) + Long.parseLong(r.get("lost"))
                + Long.parseLong(r.get("duplicated")) + Long.parseLong(r.get("closed"))
                + Long.parseLong(r.get("failedConnects"));
    }

    static String errorRate(Map<String, String> r) {
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

    static String ratio(Step c, Step w, String key) {
        return c == null || w == null ? "—" : f2(c.median(key) / w.median(key));
    }

    static String ratio(Map<String, String> c, Map<String, String> w, String key) {
        if (c == null || w == null) {
            return "—";
        }
        return f2(Double.parseDouble(c.get(key)) / Double.parseDouble(w.get(key)));
    }

    private static String list(List<Double> v) {
        return String.join(", ", v.stream().map(Report::f2).toList());
    }

    static double d(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
    }

    static String f0(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f2(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
