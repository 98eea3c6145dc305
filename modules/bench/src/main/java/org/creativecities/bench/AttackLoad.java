package org.creativecities.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * The load generator's {@code attack} mode: legitimate members post at a steady rate (open loop, as in the realistic
 * load) into their rooms for the attack's duration while the {@link Attack attackers} run; one row with the members'
 * post→ack and post→delivery latencies, what was lost, and every attack's tally.
 *
 * <p>Members connect from 127.0.0.2-5 and attackers from 127.0.1.x, as people and attackers on other hosts would:
 * limits per client address apply to the attackers, not to the members.
 */
final class AttackLoad {

    private AttackLoad() {
    }

    static List<Map<String, String>> run(Properties p, LoadTarget t) throws InterruptedException {
        int users = t.tokens.length;
        double interval = Double.parseDouble(p.getProperty("intervalSeconds"));
        double seconds = Double.parseDouble(p.getProperty("durationSeconds"));
        LoadStats stats = new LoadStats(true); // the report lists the slow seconds of the attack
        List<LoadConn> members = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            LoadConn c = new LoadConn(i, true, t.rooms[i % t.rooms.length], stats);
            c.local = RawHttp.loopback(0, 2 + i % 4);
            members.add(c);
        }
        int failed = LoadConnections.connect(t, members, 0);
        System.out.printf(Locale.ROOT, "[loadgen] attack: %d members joined %d rooms (%d failed)%n", users,
                t.rooms.length, failed);
        LoadConnections.quiet(members, 1000, 60_000);
        Random random = new Random(42);
        double[] phase = new double[users];
        for (int i = 0; i < users; i++) {
            phase[i] = random.nextDouble() * interval;
        }
        double warmup = Double.parseDouble(p.getProperty("warmupSeconds", "0"));
        if (warmup > 0) {
            // A running server has served posts before it is attacked: the same members post once a second (half
            // the measured rate, so that their frame budgets are full again when the attack starts), unmeasured.
            LoadStep.step(t, stats, members, phase, 1.0, warmup, members, Double.MAX_VALUE, 30);
            LoadConnections.quiet(members, 2000, 30_000);
            System.out.printf(Locale.ROOT, "[loadgen] attack: members warmed up for %.0f s%n", warmup);
        }
        Attack attack = new Attack(p, t.ws, t.rooms, seconds);
        attack.start();
        System.out.printf(Locale.ROOT, "[loadgen] attack: %d attacks running for %.0f s%n", attack.tallies.size(),
                seconds);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("mode", "attack");
        row.put("users", Integer.toString(users));
        row.put("rooms", Integer.toString(t.rooms.length));
        row.put("postsPerUserPerSec", LoadGen.f1(1 / interval));
        row.put("durationSeconds", LoadGen.f1(seconds));
        row.put("warmupSeconds", LoadGen.f1(warmup));
        row.put("failedConnects", Integer.toString(failed));
        // Lost means never delivered, not late (latency is measured apart): a server slowed down by the attack
        // gets a minute to deliver and ack what it was sent.
        row.putAll(LoadStep.step(t, stats, members, phase, interval, seconds, members, Double.MAX_VALUE, 60));
        attack.stop(75_000);
        row.put("membersStillConnected", Long.toString(members.stream().filter(c -> !c.closed).count()));
        for (Attack.Tally tally : attack.tallies.values()) {
            String k = "attack." + tally.name + ".";
            row.put(k + "what", tally.what);
            row.put(k + "sent", Long.toString(tally.sent.get()));
            row.put(k + "outcomes", tally.histogram());
        }
        System.out.println("[loadgen] attack row " + row);
        return List.of(row);
    }
}
