package org.creativecities.events.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.creativecities.core.identity.AnonymousReadLimit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits anonymous reads of events (the API and the .ics feeds) per client address:
 * {@code ccc.events.anonymous-reads-per-minute} reads per minute (default 300). Signed-in callers are not limited.
 */
@ApplicationScoped
public class AnonymousReads extends AnonymousReadLimit {

    @Inject
    @ConfigProperty(name = "ccc.events.anonymous-reads-per-minute", defaultValue = "300")
    private int perMinute;

    @Override
    protected int perMinute() {
        return perMinute;
    }
}
