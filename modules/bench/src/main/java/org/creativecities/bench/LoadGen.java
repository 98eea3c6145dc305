package org.creativecities.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The load generator, run by {@link Bench} as a separate JVM: {@code java -cp … LoadGen <plan.properties>}. It drives
 * every target of the plan (our server and the {@code ws} baseline) with the same frames, alternating between them
 * step by step, and writes one row per measured step to the plan's {@code out} file (tab-separated
 * {@code key=value}).
 *
 * <p>Open loop, without coordinated omission: a scheduler thread sends each post at its intended time on a fixed
 * schedule, never waiting for an answer, and the post's text carries that intended time
 * ({@code System.nanoTime()} of this process, which also receives). Latency = receipt − intended send time, so a
 * server that stalls is charged for every message it delayed, including those that were sent late. Every text also
 * carries the step, the sender and the sender's sequence number: each receiver counts what it got per sender in a
 * bit set, so lost and duplicated messages are exact.
 */
public final class LoadGen {

    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        Properties plan = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            plan.load(r);
        }
        List<LoadTarget> targets = new ArrayList<>();
        for (String name : plan.getProperty("targets").split(",")) {
            targets.add(new LoadTarget(plan, name.trim()));
        }
        String mode = plan.getProperty("mode");
        List<Map<String, String>> rows = switch (mode) {
            case "fanout" -> FanoutLoad.run(plan, targets);
            case "realistic" -> RealisticLoad.run(plan, targets);
            case "idle" -> IdleLoad.run(plan, targets);
            case "attack" -> AttackLoad.run(plan, targets.get(0));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        StringBuilder out = new StringBuilder();
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            row.forEach((k, v) -> cells.add(k + "=" + v.replace('\t', ' ').replace('\n', ' ')));
            out.append(String.join("\t", cells)).append('\n');
        }
        Files.writeString(Path.of(plan.getProperty("out")), out, StandardCharsets.UTF_8);
        System.exit(0);
    }

    // ---- small things --------------------------------------------------------------------------------------------

    static double ms(long micros) {
        return micros / 1000.0;
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
