package org.creativecities.bench;

import java.util.List;
import java.util.Map;

/**
 * The markdown of {@link ClusterBench}'s figures: a row per cluster size with the fan-out's highest rate passed in
 * every run (p99 ≤ 50 ms, nothing lost), what it cost in CPU, and the realistic mix's latencies.
 */
final class ClusterReport {

    private ClusterReport() {
    }

    /** Appends the cluster section; nothing when the run had none. */
    @SuppressWarnings("unchecked")
    static void markdown(StringBuilder b, List<Map<String, Object>> sizes) {
        if (sizes == null || sizes.isEmpty()) {
            return;
        }
        b.append("## Cluster: 1, 2 and 3 nodes on one PostgreSQL\n\n");
        b.append("Connections spread round-robin over the nodes (receivers and senders alike); CPU is the nodes' sum; "
                + "nothing pinned.\n\n");
        b.append("| nodes | boot s | fan-out receivers | highest rate passed (msgs/s offered) | delivered msgs/s "
                + "| p99 ms there | CPU cores there | CPU µs per delivery | realistic users | realistic p50 ms "
                + "| realistic p99 ms | realistic lost / dup | realistic CPU cores |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> size : sizes) {
            List<FanoutSteps.Step> steps = FanoutSteps.steps((List<Map<String, String>>) size.get("fanout"));
            FanoutSteps.Step best = null;
            for (FanoutSteps.Step s : steps) {
                if (!s.passed()) {
                    break;
                }
                best = s;
            }
            List<Map<String, String>> realistic = (List<Map<String, String>>) size.get("realistic");
            Map<String, String> r = realistic.isEmpty() ? Map.of() : realistic.get(0);
            String receivers = steps.isEmpty() ? "" : steps.get(0).runs().get(0).getOrDefault("receivers", "");
            b.append("| ").append(size.get("nodes")).append(" | ").append(size.get("bootSeconds")).append(" | ")
                    .append(receivers).append(" | ")
                    .append(best == null ? "none" : Report.f0(best.median("offeredPerSec"))).append(" | ")
                    .append(best == null ? "" : Report.f0(best.median("deliveredPerSec"))).append(" | ")
                    .append(best == null ? "" : Report.f2(best.median("p99"))).append(" | ")
                    .append(best == null ? "" : Report.f2(best.median("cpuCores"))).append(" | ")
                    .append(best == null ? "" : Report.f2(best.median("cpuUsPerDelivery"))).append(" | ")
                    .append(r.getOrDefault("users", "")).append(" | ").append(r.getOrDefault("p50", "")).append(" | ")
                    .append(r.getOrDefault("p99", "")).append(" | ").append(r.getOrDefault("lost", "")).append(" / ")
                    .append(r.getOrDefault("duplicated", "")).append(" | ").append(r.getOrDefault("cpuCores", ""))
                    .append(" |\n");
        }
        b.append("\nEvery step of every size (offered → delivered msgs/s, p99 ms, pass):\n\n");
        for (Map<String, Object> size : sizes) {
            b.append("- ").append(size.get("nodes")).append(" node(s): ");
            List<String> cells = new java.util.ArrayList<>();
            for (FanoutSteps.Step s : FanoutSteps.steps((List<Map<String, String>>) size.get("fanout"))) {
                cells.add(Report.f0(s.median("offeredPerSec")) + " → " + Report.f0(s.median("deliveredPerSec"))
                        + ", " + Report.f2(s.median("p99")) + " ms, " + s.passes() + "/" + s.runs().size());
            }
            b.append(String.join("; ", cells)).append("\n");
        }
        b.append("\n");
    }
}
