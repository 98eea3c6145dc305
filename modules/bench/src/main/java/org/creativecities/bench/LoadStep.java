package org.creativecities.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** One step of a load: a schedule of posts on one target, its measured part, and the step's figures. */
final class LoadStep {

    private static final String FILLER = " Lorem ipsum dolor sit amet, consectetur adipiscing elit.";
    private static final long RUN_ID = new Random().nextInt(1_000_000);
    private static final long SELF = ProcessHandle.current().pid();

    private LoadStep() {
    }

    private static int stepCounter;

    /**
     * Runs one step on one target: every sender posts every {@code interval} seconds (phase per sender) for
     * {@code seconds}, then waits for the deliveries to drain, and returns the step's figures.
     */
    static Map<String, String> step(LoadTarget t, LoadStats stats, List<LoadConn> senders, double[] phase,
                                    double interval, double seconds, List<LoadConn> all, double p99LimitMs,
                                    double drainSeconds) {
        return step(t, stats, senders, phase, interval, 0, seconds, all, p99LimitMs, drainSeconds, 0);
    }

    /**
     * Runs one step on one target: every sender posts every {@code interval} seconds (phase per sender) for
     * {@code warmupSeconds} unmeasured, then, on the same schedule without a pause, for {@code seconds} measured;
     * then waits for the deliveries to drain, and returns the figures of the measured part. Warm-up posts carry a
     * step number of their own, so their deliveries and acks are not counted. Posts' texts are {@code textBytes}
     * long (ASCII) when it is positive.
     */
    static Map<String, String> step(LoadTarget t, LoadStats stats, List<LoadConn> senders, double[] phase,
                                    double interval, double warmupSeconds, double seconds, List<LoadConn> all,
                                    double p99LimitMs, double drainSeconds, int textBytes) {
        int warmStep = ++stepCounter;
        int step = ++stepCounter;
        for (LoadConn c : all) {
            c.resetCounts();
        }
        stats.reset(step);
        long closedBefore = stats.closed.get();
        long start = System.nanoTime() + 20_000_000L;
        long measured = start + (long) (warmupSeconds * 1e9);
        long end = measured + (long) (seconds * 1e9);
        long every = (long) (interval * 1e9);
        long[] sent = new long[senders.size()];
        long[] warmSent = new long[senders.size()];
        PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 0; i < senders.size(); i++) {
            due.add(new long[] {start + (long) (phase[i] * 1e9), i});
        }
        Usage from = null; // taken when the measured part begins, after the warm-up
        long maxLagNs = 0;
        while (!due.isEmpty() && due.peek()[0] < end) {
            long[] d = due.poll();
            boolean counted = d[0] >= measured;
            if (counted && from == null) {
                parkUntil(measured);
                from = Usage.of(t);
            }
            parkUntil(d[0]);
            int i = (int) d[1];
            LoadConn c = senders.get(i);
            int s = counted ? step : warmStep;
            long seq = counted ? sent[i]++ : warmSent[i]++;
            if (counted) {
                maxLagNs = Math.max(maxLagNs, System.nanoTime() - d[0]);
            }
            c.send("{\"type\":\"post\",\"room\":" + c.room + ",\"clientMessageId\":\"c|" + RUN_ID + "|" + s + "|"
                    + c.sender + "|" + seq + "|" + d[0] + "\",\"text\":\"" + text(s, c.sender, seq, d[0], textBytes)
                    + "\"}");
            d[0] += every;
            due.add(d);
        }
        if (from == null) { // nothing was due in the measured part
            from = Usage.of(t);
        }
        long sendEnd = System.nanoTime();
        // Expected deliveries: every counting connection gets every message posted in its room.
        Map<Long, Long> sentPerRoom = new HashMap<>();
        long totalSent = 0;
        for (int i = 0; i < senders.size(); i++) {
            sentPerRoom.merge(senders.get(i).room, sent[i], Long::sum);
            totalSent += sent[i];
        }
        long expected = 0;
        for (LoadConn c : all) {
            if (c.counts) {
                expected += sentPerRoom.getOrDefault(c.room, 0L);
            }
        }
        long drainDeadline = System.nanoTime() + (long) (drainSeconds * 1e9);
        long delivered;
        long expectedAcks = totalSent;
        while (true) {
            delivered = 0;
            for (LoadConn c : all) {
                delivered += c.distinct();
            }
            if ((delivered >= expected && stats.acks.get() >= expectedAcks) || System.nanoTime() > drainDeadline) {
                break;
            }
            LoadGen.sleep(20);
        }
        Usage to = Usage.of(t);
        long dups = 0;
        for (LoadConn c : all) {
            dups += c.dups();
        }
        Histogram h = stats.latency.getIntervalHistogram();
        Histogram ack = stats.ackLatency.getIntervalHistogram();
        long lost = expected - delivered;
        long missingAcks = Math.max(0, totalSent - stats.acks.get());
        long closedNow = stats.closed.get() - closedBefore;
        double p99 = LoadGen.ms(h.getValueAtPercentile(99.0));
        boolean pass = lost == 0 && dups == 0 && stats.errors.get() == 0 && missingAcks == 0 && closedNow == 0
                && h.getTotalCount() > 0 && p99 <= p99LimitMs;
        // The measured schedule's length; longer if the generator fell behind it.
        double sendSeconds = (Math.max(end, sendEnd) - measured) / 1e9;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("target", t.name);
        row.put("postsPerSec", LoadGen.f1(totalSent / sendSeconds));
        row.put("offeredPerSec", LoadGen.f1(expected / sendSeconds));
        row.put("deliveredPerSec", LoadGen.f1(delivered / Math.max(sendSeconds, (to.wall() - measured) / 1e9)));
        row.put("sent", Long.toString(totalSent));
        row.put("expected", Long.toString(expected));
        row.put("delivered", Long.toString(delivered));
        row.put("lost", Long.toString(lost));
        row.put("duplicated", Long.toString(dups));
        row.put("errors", Long.toString(stats.errors.get()));
        row.put("missingAcks", Long.toString(missingAcks));
        row.put("closed", Long.toString(closedNow));
        row.put("p50", LoadGen.f2(LoadGen.ms(h.getValueAtPercentile(50.0))));
        row.put("p99", LoadGen.f2(p99));
        row.put("p999", LoadGen.f2(LoadGen.ms(h.getValueAtPercentile(99.9))));
        row.put("max", LoadGen.f2(LoadGen.ms(h.getMaxValue())));
        row.put("ackP50", LoadGen.f2(LoadGen.ms(ack.getValueAtPercentile(50.0))));
        row.put("ackP99", LoadGen.f2(LoadGen.ms(ack.getValueAtPercentile(99.0))));
        row.put("schedulerLagMs", LoadGen.f2(maxLagNs / 1e6));
        double windowSeconds = (to.wall() - from.wall()) / 1e9;
        row.put("cpuCores", LoadGen.f2((to.cpu() - from.cpu()) / windowSeconds));
        // The server's CPU time per delivery over the measured part (its drain included), in µs.
        row.put("cpuUsPerDelivery", delivered == 0 ? "" : LoadGen.f2((to.cpu() - from.cpu()) * 1e6 / delivered));
        // The generator's own CPU over the step: near its cores, it (not the server) limits the step.
        row.put("loadgenCpuCores", LoadGen.f2((to.generatorCpu() - from.generatorCpu()) / windowSeconds));
        // Where each ran (taskset pinning, if any): the evidence beside the figures.
        row.put("serverCpus", ServerProcess.cpus(t.pid));
        row.put("loadgenCpus", ServerProcess.cpus(SELF));
        row.put("rssMiB", ServerProcess.fmt(t.rssMiB()));
        row.put("heapMiB", ServerProcess.fmt(t.heapMiB(false)));
        row.put("pass", Boolean.toString(pass));
        row.put("problems", String.join(" | ", stats.samples));
        if (stats.worstBySecond != null) {
            row.put("slowSeconds", stats.slowSeconds(100));
        }
        System.out.println("[loadgen] " + row);
        // A server that fell behind still delivers; let it finish before the other target's step is measured.
        LoadConnections.quiet(all, 1000, 120_000);
        return row;
    }

    /** CPU seconds used so far by the server and by this generator, at {@code wall} (nanoTime). */
    record Usage(double cpu, double generatorCpu, long wall) {
        static Usage of(LoadTarget t) {
            return new Usage(t.cpuSeconds(), ServerProcess.cpuSeconds(SELF), System.nanoTime());
        }
    }

    private static void parkUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static final String PAD = (FILLER.strip() + " ").repeat(40);

    /**
     * A post's text: {@code B|step|sender|seq|intended send time|}, then the filler, or, when {@code bytes} is
     * positive, padding to exactly that many bytes (ASCII; never ending in a space, which a server may trim).
     */
    static String text(int step, int sender, long seq, long due, int bytes) {
        String head = "B|" + step + "|" + sender + "|" + seq + "|" + due + "|";
        if (bytes <= 0) {
            return head + FILLER;
        }
        String text = head + PAD.substring(0, Math.max(0, bytes - head.length()));
        return text.endsWith(" ") ? text.substring(0, text.length() - 1) + "." : text;
    }
}
