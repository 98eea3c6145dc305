package org.creativecities.core.live;

import java.time.Duration;
import org.creativecities.core.identity.RateLimiter;

/**
 * The rate limits on client frames, charged before a frame is parsed: per connection, per account over all its
 * connections, and for visitors per client address over all their connections. Idle accounts' and addresses'
 * buckets are swept, so memory stays bounded.
 */
final class FrameRates {

    private final RateLimiter accountFrames;
    private final RateLimiter visitorFrames;

    FrameRates(int accountFramesPerMinute, int visitorFramesPerMinute) {
        this.accountFrames = new RateLimiter(accountFramesPerMinute, Duration.ofMinutes(1));
        this.visitorFrames = new RateLimiter(visitorFramesPerMinute, Duration.ofMinutes(1));
    }

    /** Charges a room frame to the connection's limits; false when over one of them. */
    boolean admit(Connection c) {
        return c.tryConsume() && c.who()
                .map(w -> accountFrames.tryAcquire(Long.toString(w.id())).isEmpty())
                .orElseGet(() -> admitVisitor(c));
    }

    /** Charges a visitor's frame to the limit of its client address; false when over. */
    boolean admitVisitor(Connection c) {
        return visitorFrames.tryAcquire(c.address()).isEmpty();
    }
}
