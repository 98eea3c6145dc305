package org.creativecities.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.platform.cluster.HandClock;
import org.creativecities.core.platform.cluster.LocalCluster;
import org.junit.jupiter.api.Test;

/** The shared token bucket: the budget of {@link RateLimiter}, one for all the nodes that share its map. */
class SharedRateLimiterTest {

    private final HandClock clock = new HandClock(Instant.parse("2026-12-06T05:00:00Z"));

    @Test
    void twoNodesOverOneMapShareOneBudgetThatRefillsEvenly() {
        Cluster.SharedMap shared = new LocalCluster(clock).map("rate.test");
        AttemptLimit nodeA = new SharedRateLimiter(shared, 6, Duration.ofMinutes(1), clock);
        AttemptLimit nodeB = new SharedRateLimiter(shared, 6, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 6; i++) {
            assertEquals(Optional.empty(), (i % 2 == 0 ? nodeA : nodeB).tryAcquire("10.0.0.1"), "attempt " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(10)), nodeA.tryAcquire("10.0.0.1"));
        assertEquals(Optional.of(Duration.ofSeconds(10)), nodeB.tryAcquire("10.0.0.1"), "a refusal costs nothing");
        assertTrue(nodeB.tryAcquire("10.0.0.2").isEmpty(), "another key has its own budget");
        clock.set(clock.instant().plusSeconds(10));
        assertTrue(nodeB.tryAcquire("10.0.0.1").isEmpty(), "one attempt back after a sixth of the period");
        assertTrue(nodeA.tryAcquire("10.0.0.1").isPresent());
        clock.set(clock.instant().plusSeconds(60));
        assertTrue(shared.get("10.0.0.1").isEmpty(), "a full bucket is no entry");
    }
}
