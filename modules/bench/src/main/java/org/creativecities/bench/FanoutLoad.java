package org.creativecities.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The fan-out load: one room per target, receivers and senders, steps of rising send rate. */
final class FanoutLoad {

    private FanoutLoad() {
    }

    /**
     * Fan-out: one room per target, {@code receivers} receivers and {@code senders} senders; steps of rising send
     * rate, each run {@code runs} times (ours and the baseline alternating run by run), each run
     * {@code warmupSeconds} unmeasured then {@code stepSeconds} measured. A step passes when all its runs pass; a
     * target stops after its first failing step (whose runs all run, to show how many passed).
     */
    static List<Map<String, String>> run(Properties p, List<LoadTarget> targets) throws InterruptedException {
        int receivers = Integer.parseInt(p.getProperty("receivers"));
        int sendersPerTarget = Integer.parseInt(p.getProperty("senders"));
        double stepSeconds = Double.parseDouble(p.getProperty("stepSeconds"));
        double warmupSeconds = Double.parseDouble(p.getProperty("warmupSeconds", "0"));
        int runs = Integer.parseInt(p.getProperty("runs", "1"));
        int textBytes = Integer.parseInt(p.getProperty("textBytes", "0"));
        double p99Limit = Double.parseDouble(p.getProperty("p99LimitMs", "50"));
        String[] rates = p.getProperty("rates").split(",");
        Map<String, LoadStats> stats = new LinkedHashMap<>();
        Map<String, List<LoadConn>> all = new LinkedHashMap<>();
        Map<String, List<LoadConn>> senders = new LinkedHashMap<>();
        Map<String, Integer> failedConnects = new LinkedHashMap<>();
        Map<String, Double> joined = new LinkedHashMap<>();
        for (LoadTarget t : targets) {
            LoadStats s = new LoadStats();
            List<LoadConn> conns = new ArrayList<>();
            List<LoadConn> send = new ArrayList<>();
            for (int i = 0; i < receivers; i++) {
                conns.add(new LoadConn(-1, true, t.rooms[0], s));
            }
            for (int i = 0; i < sendersPerTarget; i++) {
                LoadConn c = new LoadConn(i, false, t.rooms[0], s);
                conns.add(c);
                send.add(c);
            }
            long t0 = System.nanoTime();
            int failed = LoadConnections.connect(t, conns, 0);
            double joinSeconds = (System.nanoTime() - t0) / 1e9;
            joined.put(t.name, joinSeconds);
            System.out.printf(Locale.ROOT, "[loadgen] %s: %d connections joined in %.1f s (%d failed)%n", t.name,
                    conns.size(), joinSeconds, failed);
            LoadConnections.quiet(conns, 1000, 60_000);
            stats.put(t.name, s);
            all.put(t.name, conns);
            senders.put(t.name, send);
            failedConnects.put(t.name, failed);
        }
        double[] phase = new double[sendersPerTarget];
        double serverWarmup = Double.parseDouble(p.getProperty("serverWarmupSeconds", "0"));
        if (serverWarmup > 0) {
            // Both servers warm up once, unmeasured, at the third step's rate: the first steps would otherwise
            // measure a JVM compiling its hot paths on the one CPU it is pinned to.
            double rate = Double.parseDouble(rates[Math.min(2, rates.length - 1)]);
            double interval = sendersPerTarget / rate;
            for (int i = 0; i < phase.length; i++) {
                phase[i] = interval * i / sendersPerTarget;
            }
            for (LoadTarget t : targets) {
                System.out.printf(Locale.ROOT, "[loadgen] %s: warming up for %.0f s at %.1f posts/s (not measured)%n",
                        t.name, serverWarmup, rate);
                LoadStep.step(t, stats.get(t.name), senders.get(t.name), phase, interval, serverWarmup, 1,
                        all.get(t.name), p99Limit, 5, textBytes);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> stopped = new HashSet<>();
        for (int r = 0; r < rates.length && stopped.size() < targets.size(); r++) {
            double rate = Double.parseDouble(rates[r]);
            double interval = sendersPerTarget / rate;
            for (int i = 0; i < phase.length; i++) {
                phase[i] = interval * i / sendersPerTarget;
            }
            Set<String> failing = new HashSet<>();
            for (int run = 1; run <= runs; run++) {
                for (LoadTarget t : targets) {
                    if (stopped.contains(t.name)) {
                        continue;
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("mode", "fanout");
                    row.put("receivers", Integer.toString(receivers));
                    row.put("senders", Integer.toString(sendersPerTarget));
                    row.put("textBytes", Integer.toString(textBytes));
                    row.put("warmupSeconds", LoadGen.f1(warmupSeconds));
                    row.put("stepSeconds", LoadGen.f1(stepSeconds));
                    row.put("step", Integer.toString(r + 1));
                    row.put("run", Integer.toString(run));
                    row.put("runs", Integer.toString(runs));
                    row.put("failedConnects", Integer.toString(failedConnects.get(t.name)));
                    row.put("joinSeconds", LoadGen.f1(joined.get(t.name)));
                    System.out.printf(Locale.ROOT, "[loadgen] %s: step %d (%.1f posts/s), run %d of %d%n", t.name,
                            r + 1, rate, run, runs);
                    row.putAll(LoadStep.step(t, stats.get(t.name), senders.get(t.name), phase, interval, warmupSeconds,
                            stepSeconds, all.get(t.name), p99Limit, 5, textBytes));
                    // Receivers that never joined got nothing: such a run does not pass, whatever the others saw.
                    boolean pass = Boolean.parseBoolean(row.get("pass")) && failedConnects.get(t.name) == 0;
                    row.put("pass", Boolean.toString(pass));
                    rows.add(row);
                    if (!pass) {
                        failing.add(t.name);
                    }
                }
            }
            stopped.addAll(failing);
        }
        return rows;
    }
}
