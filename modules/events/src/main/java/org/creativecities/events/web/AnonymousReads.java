package org.creativecities.events.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimiter;
import org.creativecities.events.EventsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits anonymous reads of events (the API, the .ics exports and feeds) per client address, with the core's token
 * buckets, as the core and works limit what visitors can repeat: {@code ccc.events.anonymous-reads-per-minute}
 * reads per minute (default 300). Signed-in callers are not limited here.
 */
@ApplicationScoped
public class AnonymousReads {

    @Inject
    @ConfigProperty(name = "ccc.events.anonymous-reads-per-minute", defaultValue = "300")
    private int perMinute;

    private RateLimiter limiter;

    @PostConstruct
    void start() {
        limiter = new RateLimiter(Math.max(1, perMinute), Duration.ofMinutes(1));
    }

    /** Counts one read by the caller if anonymous; 429 when their address used up its reads. */
    public void check(Caller caller) {
        if (!caller.isSignedIn()) {
            check(caller.clientAddress());
        }
    }

    /** Counts one anonymous read from the address; 429 when it used up its reads. */
    public void check(String clientAddress) {
        if (limiter.tryAcquire(clientAddress).isPresent()) {
            throw EventsException.tooMany("Too many reads from your address; try again in a minute, or sign in.");
        }
    }
}
