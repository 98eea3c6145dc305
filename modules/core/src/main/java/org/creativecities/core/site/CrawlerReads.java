package org.creativecities.core.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.creativecities.core.identity.AnonymousReadLimit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits how often one client address reads {@code /robots.txt} and {@code /sitemap.xml}:
 * {@code ccc.site.crawler-reads-per-minute} reads per minute (default 60).
 */
@ApplicationScoped
public class CrawlerReads extends AnonymousReadLimit {

    @Inject
    @ConfigProperty(name = "ccc.site.crawler-reads-per-minute", defaultValue = "60")
    private int perMinute;

    @Override
    protected int perMinute() {
        return perMinute;
    }
}
