package org.creativecities.works.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.creativecities.core.identity.AnonymousReadLimit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits anonymous reads of works (the API, the public pages, exports and feeds) per client address:
 * {@code ccc.works.anonymous-reads-per-minute} reads per minute (default 300). Signed-in callers are not limited.
 */
@ApplicationScoped
public class AnonymousReads extends AnonymousReadLimit {

    @Inject
    @ConfigProperty(name = "ccc.works.anonymous-reads-per-minute", defaultValue = "300")
    private int perMinute;

    @Override
    protected int perMinute() {
        return perMinute;
    }
}
