package org.creativecities.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.creativecities.core.platform.AppConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The search context's configuration keys, read with MicroProfile Config (system property, environment variable
 * such as {@code CCC_SEARCH_DIR}, or the properties file), each with a default:
 * <ul>
 *   <li>{@code ccc.search.dir}: the index folder; default {@code <ccc.data.dir>/search};</li>
 *   <li>{@code ccc.search.visitor-queries-per-minute}: searches one client address may make per minute without
 *       signing in (default 60);</li>
 *   <li>{@code ccc.search.commit-interval}: how often changes to the index are made durable (ISO-8601, default
 *       PT10S); a crash before a commit rebuilds the index at the next start;</li>
 *   <li>{@code ccc.search.refresh-interval}: how soon a change becomes searchable (ISO-8601, default PT1S). Each
 *       refresh writes a small Lucene segment that later merges cost again, so refreshing after every burst of
 *       messages cost more CPU than the live fan-out itself (docs/benchmarks.md, "The search indexer on the live
 *       path"); once a second is what search engines settle on (Elasticsearch's default);</li>
 *   <li>{@code ccc.search.follow-interval}: on a database several nodes share, how often this node reads the shared
 *       change log for the other nodes' changes (ISO-8601, default PT1S; {@link ChangeFollower});</li>
 *   <li>{@code ccc.search.change-log-retention}: how long a row of the change log is kept (ISO-8601, default
 *       PT15M); a node that cannot read the log for half of it rebuilds its index.</li>
 * </ul>
 * A bad value fails the start with a message naming the key.
 */
@ApplicationScoped
public class SearchSettings {

    public static final String DIR = "ccc.search.dir";
    public static final String VISITOR_QUERIES_PER_MINUTE = "ccc.search.visitor-queries-per-minute";
    public static final String COMMIT_INTERVAL = "ccc.search.commit-interval";
    public static final String REFRESH_INTERVAL = "ccc.search.refresh-interval";
    public static final String FOLLOW_INTERVAL = "ccc.search.follow-interval";
    public static final String CHANGE_LOG_RETENTION = "ccc.search.change-log-retention";

    private final Config config = ConfigProvider.getConfig();

    @Inject
    private AppConfig app;

    /** The folder of the index. */
    public Path folder() {
        return config.getOptionalValue(DIR, String.class).map(String::trim).filter(s -> !s.isEmpty())
                .map(Path::of).orElseGet(() -> app.dataDir().resolve("search"));
    }

    /** Searches a visitor may make per minute from one address. */
    public int visitorQueriesPerMinute() {
        String raw = config.getOptionalValue(VISITOR_QUERIES_PER_MINUTE, String.class).orElse("60").trim();
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(VISITOR_QUERIES_PER_MINUTE + ": '" + raw
                + "' is not a whole number from 1 to 1000000");
    }

    /** How often index changes are committed. */
    public Duration commitInterval() {
        return duration(COMMIT_INTERVAL, "PT10S");
    }

    /** How soon a change becomes searchable. */
    public Duration refreshInterval() {
        return duration(REFRESH_INTERVAL, "PT1S");
    }

    /** How often the shared change log is read. */
    public Duration followInterval() {
        return duration(FOLLOW_INTERVAL, "PT1S");
    }

    /** How long the shared change log keeps a row. */
    public Duration changeLogRetention() {
        return duration(CHANGE_LOG_RETENTION, "PT15M");
    }

    private static Duration duration(String key, String fallback) {
        return AppConfig.positiveDuration(key, Duration.parse(fallback));
    }
}
