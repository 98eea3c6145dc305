package org.creativecities.core.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.creativecities.core.platform.cluster.Cluster;

/**
 * A token bucket per key kept in a map shared by every node, so that attempts made on different nodes draw on one
 * budget. It is the bucket of {@link RateLimiter} (capacity {@code capacity}, refilled evenly over the period)
 * written as one number per key, the generic cell rate algorithm: the instant at which the bucket would be full
 * again. An attempt at {@code now} is allowed if that instant is at most one period minus one interval ahead, and
 * moves it one interval ({@code period / capacity}) on. The entry lives until that instant, after which an absent
 * key means a full bucket. A refused attempt writes nothing.
 */
final class SharedRateLimiter implements AttemptLimit {

    private final Cluster.SharedMap buckets;
    private final long interval;
    private final long tolerance;
    private final Clock clock;

    SharedRateLimiter(Cluster.SharedMap buckets, long capacity, Duration period, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.buckets = buckets;
        this.interval = Math.max(1, period.toMillis() / capacity);
        this.tolerance = interval * (capacity - 1);
        this.clock = clock;
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        long now = clock.millis();
        long[] refusedFor = {0};
        buckets.update(key, old -> {
            long full = old == null ? now : Math.max(now, Long.parseLong(old));
            long ahead = full - now;
            if (ahead > tolerance) {
                refusedFor[0] = ahead - tolerance;
                return old;
            }
            refusedFor[0] = 0;
            return Long.toString(full + interval);
        }, value -> Duration.ofMillis(Math.max(1, Long.parseLong(value) - now)));
        return refusedFor[0] > 0 ? Optional.of(Duration.ofMillis(refusedFor[0])) : Optional.empty();
    }
}
