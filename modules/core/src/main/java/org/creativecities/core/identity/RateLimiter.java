package org.creativecities.core.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets keyed by a string (a client address, say): {@code capacity} attempts that refill evenly
 * over {@code period}. Buckets that have refilled completely are dropped, so memory stays bounded by the
 * number of keys active within one period.
 */
public final class RateLimiter implements AttemptLimit {

    private final long capacity;
    private final Duration period;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    public RateLimiter(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    /**
     * Takes one attempt for {@code key}.
     *
     * @return empty if allowed, otherwise how long until the next attempt is allowed
     */
    @Override
    public Optional<Duration> tryAcquire(String key) {
        sweepIfDue();
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private void sweepIfDue() {
        long now = System.nanoTime();
        if (now - lastSweep < period.toNanos()) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= capacity);
    }

    int size() {
        return buckets.size();
    }
}
