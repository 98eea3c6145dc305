package org.creativecities.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Launch-to-ready of our distribution against bare Payara Micro and the stack's boot floor. */
final class BootBench {

    private final Bench bench;

    BootBench(Bench bench) {
        this.bench = bench;
    }

    /**
     * Launch-to-ready of our distribution vs bare Payara Micro, alternating, {@code runs} times each; and, between
     * them, the boot floor: bare Payara Micro deploying the smallest application on our stack
     * ({@code modules/bench-floor}), which is what the stack costs before any code of ours runs.
     */
    Map<String, Object> run(int runs) throws IOException {
        Path floorWar = Path.of(System.getProperty("bench.floor.war",
                bench.work.resolveSibling("floor/boot-floor.war").toString()));
        if (!Files.isRegularFile(floorWar)) {
            throw new IllegalStateException("No boot-floor WAR at " + floorWar + ": build modules/bench (run.sh does)");
        }
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            bare.add(timedBoot(() -> bench.processes.startPayara("bare-payara", Bench.freePort(), null)));
            floor.add(timedBoot(() -> bench.processes.startPayara("boot-floor", Bench.freePort(), floorWar)));
            ours.add(timedBoot(() -> bench.processes.startCcc("boot", Bench.freePort(), "-Xmx1g", false)));
            System.out.printf(Locale.ROOT, "[bench] boot %d: bare Payara %.2f s, floor %.2f s, ours %.2f s%n", i + 1,
                    bare.get(i), floor.get(i), ours.get(i));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("oursSeconds", ours);
        m.put("bareSeconds", bare);
        m.put("floorSeconds", floor);
        m.put("oursMedian", Bench.median(ours));
        m.put("bareMedian", Bench.median(bare));
        m.put("floorMedian", Bench.median(floor));
        m.put("ratio", Bench.median(ours) / Bench.median(bare));
        m.put("floorRatio", Bench.median(floor) / Bench.median(bare));
        return m;
    }

    /** A process start that returns once the server is ready. */
    private interface Boot {
        Process start() throws IOException;
    }

    /** Seconds from launch to ready; the server is stopped afterwards. */
    private double timedBoot(Boot boot) throws IOException {
        long t0 = System.nanoTime();
        Process p = boot.start();
        double seconds = (System.nanoTime() - t0) / 1e9;
        BenchProcesses.stop(p);
        return seconds;
    }
}
