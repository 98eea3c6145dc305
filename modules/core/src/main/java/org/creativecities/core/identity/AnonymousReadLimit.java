package org.creativecities.core.identity;

import java.time.Duration;
import java.util.List;
import org.creativecities.core.platform.ContextException;

/**
 * Limits the anonymous reads of one context (works, events, city pages…) per client address, with the core's token
 * buckets, as the core limits what visitors can start. Each context makes it an application-scoped bean of its own,
 * with its own budget ({@link #perMinute()}, from its configuration key); signed-in callers are not limited. Past
 * the budget a read is refused with 429 and {@code Retry-After}.
 */
public abstract class AnonymousReadLimit {

    private volatile RateLimiter limiter;

    /** How many reads an anonymous client address may make per minute. */
    protected abstract int perMinute();

    /** Counts one read by the caller if anonymous; refused when their address used up its reads. */
    public void check(Caller caller) {
        if (!caller.isSignedIn()) {
            check(caller.clientAddress());
        }
    }

    /** Counts one anonymous read from the address; refused when it used up its reads. */
    public void check(String clientAddress) {
        if (limiter().tryAcquire(clientAddress).isPresent()) {
            throw new TooManyReads();
        }
    }

    private RateLimiter limiter() {
        RateLimiter current = limiter;
        if (current == null) {
            synchronized (this) {
                current = limiter;
                if (current == null) {
                    current = new RateLimiter(Math.max(1, perMinute()), Duration.ofMinutes(1));
                    limiter = current;
                }
            }
        }
        return current;
    }

    /** An anonymous client address used up its reads for the minute. */
    public static final class TooManyReads extends ContextException {

        private static final long serialVersionUID = 1L;

        TooManyReads() {
            super(429, "Too many requests", "Too many reads from your address; try again in a minute, or sign in.",
                    List.of());
        }

        @Override
        public String context() {
            return "too-many-requests";
        }
    }
}
