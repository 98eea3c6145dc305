package org.creativecities.core.identity;

import java.time.Duration;
import java.util.Optional;

/**
 * A budget of attempts per key (a client address, an account): {@code capacity} attempts that refill evenly over a
 * period. Made by {@link RateLimits}: in memory on one node ({@link RateLimiter}), counted once across the nodes of a
 * cluster ({@link SharedRateLimiter}).
 */
public interface AttemptLimit {

    /**
     * Takes one attempt for {@code key}.
     *
     * @return empty if allowed, otherwise how long until the next attempt is allowed
     */
    Optional<Duration> tryAcquire(String key);
}
