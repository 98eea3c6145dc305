package org.creativecities.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fan-out report's verdicts: a step passes only if all its runs pass; CPU per delivery at a step both passed. */
class ReportTest {

    @Test
    void aStepPassesOnlyInAllItsRunsAndCpuIsComparedWhereBothPassed() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int step = 1; step <= 3; step++) {
            for (int run = 1; run <= 3; run++) {
                boolean cccPasses = !(step == 3 && run == 2); // ccc misses step 3 in one run of three
                rows.add(row("ccc", step, run, cccPasses ? "20.00" : "60.00", cccPasses, "30.00"));
                rows.add(row("ws", step, run, "5.00", true, "10.00"));
            }
        }
        for (int run = 1; run <= 3; run++) {
            rows.add(row("ws", 4, run, "70.00", false, "10.00"));
        }
        List<FanoutSteps.Step> ccc = FanoutSteps.steps(FanoutSteps.only(rows, "ccc"));
        List<FanoutSteps.Step> ws = FanoutSteps.steps(FanoutSteps.only(rows, "ws"));
        assertEquals(3, ccc.size());
        assertEquals(2, ccc.get(2).passes());
        assertEquals(2_000, FanoutSteps.maxSustainable(ccc));
        assertEquals(3_000, FanoutSteps.maxSustainable(ws));
        assertEquals(1, FanoutSteps.lastPassedByBoth(ccc, ws));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", "full");
        report.put("machine", Map.of("pinning", "test"));
        report.put("fanout", rows);
        String md = Report.markdown(report);
        assertTrue(md.contains("| fan-out, 1,000 receivers: highest rate with p99 ≤ 50 ms and nothing lost in 3 of 3 "
                + "runs ≥ 1.0× ws (goal 1.5×) | 2,000 msgs/s | 3,000 msgs/s | 0.67 | **no** |"), md);
        assertTrue(md.contains("| fan-out, 1,000 receivers: CPU per delivery ≤ 1.5× ws (at 2,000 msgs/s, the last step "
                + "both passed) | 30.00 µs | 10.00 µs | 3.00 | **no** |"), md);
        assertTrue(md.contains("| 20.00 / 60.00 / 20.00 |"), md);
        assertTrue(md.contains("| **2/3** ✗ |"), md);
    }

    /**
     * Both servers pass the same steps: the target (at least equal) is met, even though each run delivers a hair less
     * than offered and the medians differ by a fraction of a message a second (run of 6 December 2026: ccc 19,977.5,
     * ws 19,978.1 delivered at the 20,000 msgs/s step). Rates are compared by the step passed, not by what a run
     * happened to count.
     */
    @Test
    void theSameHighestStepPassedMeetsTheTargetWhateverTheDeliveredCountsSay() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int step = 1; step <= 2; step++) {
            for (int run = 1; run <= 3; run++) {
                Map<String, String> ccc = row("ccc", step, run, "20.00", true, "30.00");
                ccc.put("deliveredPerSec", Double.toString(1000.0 * step - 0.6));
                rows.add(ccc);
                rows.add(row("ws", step, run, "5.00", true, "10.00"));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", "full");
        report.put("machine", Map.of("pinning", "test"));
        report.put("fanout", rows);
        String md = Report.markdown(report);
        assertTrue(md.contains("runs ≥ 1.0× ws (goal 1.5×) | 1,999 msgs/s | 2,000 msgs/s | 1.00 | yes; goal not |"), md);
    }

    private static Map<String, String> row(String target, int step, int run, String p99, boolean pass, String cpuUs) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("mode", "fanout");
        r.put("receivers", "1000");
        r.put("senders", "10");
        r.put("step", Integer.toString(step));
        r.put("run", Integer.toString(run));
        r.put("runs", "3");
        r.put("failedConnects", "0");
        r.put("target", target);
        r.put("postsPerSec", Double.toString(step));
        r.put("offeredPerSec", Double.toString(1000.0 * step));
        r.put("deliveredPerSec", Double.toString(1000.0 * step));
        for (String zero : List.of("lost", "duplicated", "errors", "missingAcks", "closed")) {
            r.put(zero, "0");
        }
        r.put("p50", "1.00");
        r.put("p99", p99);
        r.put("p999", "3.00");
        r.put("cpuCores", "0.50");
        r.put("loadgenCpuCores", "0.20");
        r.put("cpuUsPerDelivery", cpuUs);
        r.put("rssMiB", "100.0");
        r.put("heapMiB", "");
        r.put("pass", Boolean.toString(pass));
        return r;
    }
}
