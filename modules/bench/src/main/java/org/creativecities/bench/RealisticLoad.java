package org.creativecities.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * The realistic load: {@code users} connections spread over the targets' rooms, each posting once every
 * {@code intervalSeconds} at a random phase, for {@code durationSeconds} (after an unmeasured warm-up on the same
 * schedule, if any).
 */
final class RealisticLoad {

    private RealisticLoad() {
    }

    static List<Map<String, String>> run(Properties p, List<LoadTarget> targets) throws InterruptedException {
        int users = Integer.parseInt(p.getProperty("users"));
        double interval = Double.parseDouble(p.getProperty("intervalSeconds", "10"));
        double seconds = Double.parseDouble(p.getProperty("durationSeconds"));
        // Unmeasured, on the same schedule without a pause: a server just booted compiles its hot paths meanwhile.
        double warmup = Double.parseDouble(p.getProperty("warmupSeconds", "0"));
        List<Map<String, String>> rows = new ArrayList<>();
        Random random = new Random(42);
        double[] phase = new double[users];
        for (int i = 0; i < users; i++) {
            phase[i] = random.nextDouble() * interval;
        }
        Map<String, List<LoadConn>> conns = new LinkedHashMap<>();
        Map<String, LoadStats> stats = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        for (LoadTarget t : targets) {
            LoadStats s = new LoadStats();
            List<LoadConn> list = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                list.add(new LoadConn(i, true, t.rooms[i % t.rooms.length], s));
            }
            long t0 = System.nanoTime();
            failed.put(t.name, LoadConnections.connect(t, list, 0));
            System.out.printf(Locale.ROOT, "[loadgen] %s: %d users joined %d rooms in %.1f s (%d failed)%n", t.name,
                    users, t.rooms.length, (System.nanoTime() - t0) / 1e9, failed.get(t.name));
            LoadConnections.quiet(list, 1000, 60_000);
            conns.put(t.name, list);
            stats.put(t.name, s);
        }
        for (LoadTarget t : targets) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("mode", "realistic");
            row.put("users", Integer.toString(users));
            row.put("rooms", Integer.toString(t.rooms.length));
            row.put("failedConnects", Integer.toString(failed.get(t.name)));
            row.put("warmupSeconds", LoadGen.f1(warmup));
            row.putAll(LoadStep.step(t, stats.get(t.name), conns.get(t.name), phase, interval, warmup, seconds,
                    conns.get(t.name), Double.MAX_VALUE, 10, 0));
            rows.add(row);
        }
        return rows;
    }
}
