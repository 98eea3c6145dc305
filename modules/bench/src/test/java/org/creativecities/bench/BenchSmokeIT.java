package org.creativecities.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The smoke run of the benchmark harness (CI): a few seconds of every live load shape against the packaged server
 * and the {@code ws} baseline. It proves that the harness works: nothing lost or duplicated, and the report written
 * with its rows. It asserts no timing: the figures of a shared CI machine mean nothing.
 */
class BenchSmokeIT {

    @Test
    @SuppressWarnings("unchecked")
    void theHarnessRunsAndLosesNothing() throws Exception {
        Bench bench = new Bench(false, Path.of(System.getProperty("ccc.dist.dir")),
                Path.of(System.getProperty("bench.node.src")), Path.of(System.getProperty("bench.work")), false);
        Path md = bench.run();

        assertTrue(Files.isRegularFile(md));
        assertTrue(Files.isRegularFile(md.resolveSibling("report.json")));
        String text = Files.readString(md);
        assertTrue(text.contains("## Live fan-out: one room, 20 receivers"), text);
        assertTrue(text.contains("## Realistic load"), text);
        assertTrue(text.contains("## Idle authenticated WebSockets"), text);

        for (String section : List.of("fanout", "realistic")) {
            List<Map<String, String>> rows = (List<Map<String, String>>) bench.report.get(section);
            for (String target : List.of("ccc", "ws")) {
                List<Map<String, String>> mine = Report.only(rows, target);
                assertFalse(mine.isEmpty(), section + " has no row for " + target);
                for (Map<String, String> row : mine) {
                    assertTrue(Long.parseLong(row.get("delivered")) > 0, section + " " + row);
                    assertEquals("0", row.get("lost"), section + " " + row);
                    assertEquals("0", row.get("duplicated"), section + " " + row);
                    assertEquals("0", row.get("errors"), section + " " + row);
                    assertEquals("0", row.get("missingAcks"), section + " " + row);
                }
            }
        }
        List<Map<String, String>> idle = (List<Map<String, String>>) bench.report.get("idle");
        for (String target : List.of("ccc", "ws")) {
            assertEquals("20", Report.only(idle, target).get(0).get("held"), idle.toString());
        }
    }
}
