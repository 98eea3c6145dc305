package org.creativecities.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/** What one target's connections record during a step. */
final class LoadStats {
    final Recorder latency = new Recorder(3_600_000_000L, 3);
    final Recorder ackLatency = new Recorder(3_600_000_000L, 3);
    final AtomicLong errors = new AtomicLong();
    final AtomicLong acks = new AtomicLong();
    final AtomicLong closed = new AtomicLong();
    final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    /**
     * The worst post→delivery latency (µs) of the posts intended in each second (nanoTime / 1e9), for the mixed
     * attack's report only; null elsewhere: a map merge per delivery is generator CPU that fan-out needs.
     */
    final ConcurrentHashMap<Long, Long> worstBySecond;
    volatile int step = -1;

    LoadStats() {
        this(false);
    }

    /** {@code slowSeconds}: keep the worst delivery of every second ({@link #slowSeconds}). */
    LoadStats(boolean slowSeconds) {
        worstBySecond = slowSeconds ? new ConcurrentHashMap<>() : null;
    }

    void reset(int newStep) {
        step = newStep;
        latency.reset();
        ackLatency.reset();
        errors.set(0);
        acks.set(0);
        samples.clear();
        if (worstBySecond != null) {
            worstBySecond.clear();
        }
    }

    /** The seconds of the step whose worst delivery took longer than {@code thresholdMs}: "second:ms ...". */
    String slowSeconds(double thresholdMs) {
        long first = worstBySecond.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
        return worstBySecond.entrySet().stream().filter(e -> e.getValue() / 1000.0 > thresholdMs)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> (e.getKey() - first) + "s:" + Math.round(e.getValue() / 1000.0) + "ms")
                .collect(java.util.stream.Collectors.joining(" "));
    }

    void sample(String what) {
        if (samples.size() < 5) {
            samples.add(what.length() > 200 ? what.substring(0, 200) : what);
        }
    }
}
