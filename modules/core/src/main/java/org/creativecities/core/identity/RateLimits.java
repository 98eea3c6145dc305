package org.creativecities.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.creativecities.core.platform.cluster.Cluster;

/**
 * Makes the limits that an anonymous client could multiply by spreading its attempts over the nodes (sign-ins and
 * registrations per address, live tickets and handshakes, search visitors, uploads): on one node an in-memory
 * {@link RateLimiter}, as fast as ever; in a cluster a {@link SharedRateLimiter} on the cluster's map
 * {@code rate.NAME}, so that each attempt counts once whichever node it reaches. Limits that follow one connection
 * (frames per connection and per account on it) stay {@link RateLimiter}s: a connection lives on one node.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    private Cluster cluster;

    /**
     * A limit of {@code capacity} attempts per key, refilled evenly over {@code period}.
     *
     * @param name names the limit across the nodes; every node must give one name the same capacity and period
     */
    public AttemptLimit shared(String name, long capacity, Duration period) {
        return cluster.clustered()
                ? new SharedRateLimiter(cluster.map("rate." + name), capacity, period, Clock.systemUTC())
                : new RateLimiter(capacity, period);
    }
}
