package org.creativecities.bench;

import static org.creativecities.bench.FanoutSteps.highestPassedOffered;
import static org.creativecities.bench.FanoutSteps.lastPassedByBoth;
import static org.creativecities.bench.FanoutSteps.maxSustainable;
import static org.creativecities.bench.FanoutSteps.only;
import static org.creativecities.bench.FanoutSteps.steps;
import static org.creativecities.bench.Report.d;
import static org.creativecities.bench.Report.f0;
import static org.creativecities.bench.Report.f2;
import static org.creativecities.bench.Report.met;
import static org.creativecities.bench.Report.ratio;
import static org.creativecities.bench.Report.totalErrors;

import java.util.List;
import java.util.Map;
import org.creativecities.bench.FanoutSteps.Step;

/** The report's first table: issue 13's targets ("Done when"), each with both servers' figures and a verdict. */
final class TargetsTable {

    private TargetsTable() {
    }

    /** Issue 13's targets ("Done when"). */
    static final double FANOUT_RATIO = 1.0;
    static final double FANOUT_GOAL = 1.5;
    static final int FANOUT_RUNS = 3;
    static final double CPU_PER_DELIVERY_RATIO = 1.5;
    static final double REALISTIC_P99_MS = 20;
    static final double BOOT_RATIO = 1.5;
    static final double REST_RATIO = 0.6;
    static final double REST_P99_MS = 20;

    @SuppressWarnings("unchecked")
    static void targets(StringBuilder b, List<Map<String, String>> fanout, List<Map<String, String>> realistic,
                                List<Map<String, String>> idle, Map<String, Object> boot,
                                List<Map<String, Object>> rest) {
        if (fanout.isEmpty() && realistic.isEmpty() && idle.isEmpty() && boot == null && rest == null) {
            return; // the mixed attack alone has its own targets
        }
        b.append("## Targets\n\n| target (issue 13) | ccc | baseline | ratio | met |\n|---|---|---|---:|---|\n");
        for (String n : List.of("100", "1000")) {
            List<Map<String, String>> rows = fanout.stream().filter(r -> r.get("receivers").equals(n)).toList();
            if (!rows.isEmpty()) {
                fanoutTargets(b, f0(Double.parseDouble(n)), rows);
            }
        }
        Map<String, String> rc = only(realistic, "ccc").stream().findFirst().orElse(null);
        Map<String, String> rw = only(realistic, "ws").stream().findFirst().orElse(null);
        if (rc != null && rw != null) {
            boolean ok = Double.parseDouble(rc.get("p99")) <= REALISTIC_P99_MS && totalErrors(rc) == 0;
            b.append("| realistic mix, ").append(rc.get("users")).append(" users in ").append(rc.get("rooms"))
                    .append(" rooms: p99 ≤ ").append(f0(REALISTIC_P99_MS)).append(" ms, 0 errors | p99 ")
                    .append(rc.get("p99")).append(" ms, ").append(totalErrors(rc)).append(" errors | p99 ")
                    .append(rw.get("p99")).append(" ms, ").append(totalErrors(rw)).append(" errors | ")
                    .append(ratio(rc, rw, "p99")).append(" | ").append(met(ok)).append(" |\n");
        }
        Map<String, String> ic = only(idle, "ccc").stream().findFirst().orElse(null);
        Map<String, String> iw = only(idle, "ws").stream().findFirst().orElse(null);
        if (ic != null && iw != null) {
            double c = Double.parseDouble(ic.get("held"));
            b.append("| idle WebSockets at -Xmx1g: ≥ 20,000 | ").append(ic.get("held")).append(" (").append(ic.get("stoppedBy"))
                    .append(") | ").append(iw.get("held")).append(" (").append(iw.get("stoppedBy")).append(") | ")
                    .append(f2(c / Double.parseDouble(iw.get("held")))).append(" | ").append(met(c >= 20_000))
                    .append(" |\n");
        }
        if (boot != null) {
            double ratio = (Double) boot.get("ratio");
            b.append("| boot with all bundled plugins: ≤ ").append(BOOT_RATIO).append("× bare Payara Micro | ")
                    .append(f2((Double) boot.get("oursMedian"))).append(" s | ").append(f2((Double) boot.get("bareMedian")))
                    .append(" s | ").append(f2(ratio)).append(" | ").append(met(ratio <= BOOT_RATIO)).append(" |\n");
        }
        if (rest != null && !rest.isEmpty()) {
            Map<String, Object> o = (Map<String, Object>) rest.get(0).get("ours");
            Map<String, Object> t = (Map<String, Object>) rest.get(0).get("baseline");
            double ratio = d(o.get("rps")) / d(t.get("rps"));
            boolean ok = ratio >= REST_RATIO && d(o.get("p99ms")) <= REST_P99_MS;
            b.append("| REST city list: ≥ ").append(REST_RATIO).append("× the static file's req/s, p99 ≤ ")
                    .append(f0(REST_P99_MS)).append(" ms | ").append(f0(d(o.get("rps")))).append(" req/s, p99 ")
                    .append(f2(d(o.get("p99ms")))).append(" ms | ").append(f0(d(t.get("rps")))).append(" req/s, p99 ")
                    .append(f2(d(t.get("p99ms")))).append(" ms | ").append(f2(ratio)).append(" | ").append(met(ok))
                    .append(" |\n");
        }
        b.append("\n");
    }

    /**
     * The two fan-out targets of one receiver count: the highest rate passed in all runs at least equal to ws's
     * (goal 1.5×), and CPU per delivery within 1.5× of ws's, compared at the last step both passed.
     */
    private static void fanoutTargets(StringBuilder b, String receivers, List<Map<String, String>> rows) {
        List<Step> ccc = steps(only(rows, "ccc"));
        List<Step> ws = steps(only(rows, "ws"));
        int runs = Integer.parseInt(rows.get(0).getOrDefault("runs", "1"));
        // Issue 13 asks for 3 of 3 runs: fewer runs a step can show a miss, not a pass.
        String fewRuns = runs < FANOUT_RUNS ? " (but " + runs + " run" + (runs == 1 ? "" : "s") + " a step, not "
                + FANOUT_RUNS + ")" : "";
        double c = maxSustainable(ccc);
        double w = maxSustainable(ws);
        // The verdict compares the steps passed (their offered rates): the delivered counts of two servers passing the
        // same step differ by fractions of a message a second, which says nothing about either.
        double co = highestPassedOffered(ccc);
        double wo = highestPassedOffered(ws);
        boolean ok = co > 0 && co >= FANOUT_RATIO * wo;
        b.append("| fan-out, ").append(receivers).append(" receivers: highest rate with p99 ≤ 50 ms and nothing lost in ")
                .append(FANOUT_RUNS).append(" of ").append(FANOUT_RUNS).append(" runs ≥ ").append(FANOUT_RATIO)
                .append("× ws (goal ").append(FANOUT_GOAL).append("×) | ").append(f0(c)).append(" msgs/s | ")
                .append(f0(w)).append(" msgs/s | ").append(f2(co / wo)).append(" | ").append(met(ok))
                .append(ok ? (co >= FANOUT_GOAL * wo ? "; goal met" : "; goal not") : "").append(ok ? fewRuns : "")
                .append(" |\n");
        int both = lastPassedByBoth(ccc, ws);
        String at = both < 0 ? "no step both passed" : "at " + f0(ccc.get(both).median("offeredPerSec"))
                + " msgs/s, the last step both passed";
        double cu = both < 0 ? Double.NaN : ccc.get(both).median("cpuUsPerDelivery");
        double wu = both < 0 ? Double.NaN : ws.get(both).median("cpuUsPerDelivery");
        boolean cpuOk = cu / wu <= CPU_PER_DELIVERY_RATIO;
        b.append("| fan-out, ").append(receivers).append(" receivers: CPU per delivery ≤ ").append(CPU_PER_DELIVERY_RATIO)
                .append("× ws (").append(at).append(") | ").append(f2(cu)).append(" µs | ").append(f2(wu))
                .append(" µs | ").append(f2(cu / wu)).append(" | ").append(met(cpuOk)).append(cpuOk ? fewRuns : "")
                .append(" |\n");
    }
}
