package org.creativecities.projects.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.creativecities.core.identity.AnonymousReadLimit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits anonymous reads of projects (the API) per client address:
 * {@code ccc.projects.anonymous-reads-per-minute} reads per minute (default 300). Signed-in callers are not limited.
 */
@ApplicationScoped
public class AnonymousReads extends AnonymousReadLimit {

    @Inject
    @ConfigProperty(name = "ccc.projects.anonymous-reads-per-minute", defaultValue = "300")
    private int perMinute;

    @Override
    protected int perMinute() {
        return perMinute;
    }
}
