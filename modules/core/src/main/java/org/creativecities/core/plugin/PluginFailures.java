package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.TimeSource;

/**
 * The failures of each plugin, counted in a sliding window. When they reach the threshold it fires
 * {@link ThresholdReached}; the host then disables the plugin. A failure in one city (a city-scoped route, a hook on
 * that city's room) counts against the plugin in that city only: enough failures there suspend the plugin in that
 * city for a window ({@link CityFailures}), and each such suspension counts as one failure network-wide. So one
 * city's trouble (or a caller there who found a way to make the plugin throw) cannot switch the plugin off for the
 * whole network; trouble in several cities still does. Keyed by plugin id, never by a plugin's class.
 */
@ApplicationScoped
public class PluginFailures {

    /**
     * A plugin failed often enough to be disabled.
     *
     * @param pluginId the plugin
     * @param reason   the failures, for the record
     */
    public record ThresholdReached(String pluginId, String reason) {
    }

    /**
     * A plugin's recent health.
     *
     * @param recentFailures failures within the window
     * @param totalFailures  failures since the server started
     * @param lastError      the last failure, if any
     * @param lastErrorAt    when
     * @param suspendedIn    the cities where the plugin is suspended now, sorted
     */
    public record Health(int recentFailures, long totalFailures, Optional<String> lastError,
                         Optional<Instant> lastErrorAt, List<String> suspendedIn) {
    }

    /** One plugin's failures. */
    private final class Ledger {
        final FailureWindow window = new FailureWindow(config.failureThreshold(), config.failureWindow());
        final CityFailures cities = new CityFailures(config.cityFailureThreshold(), config.failureWindow());
        volatile String lastError;
        volatile Instant lastErrorAt;
        volatile long total;
    }

    @Inject
    private PluginHostConfig config;

    @Inject
    private TimeSource time;

    @Inject
    private Event<ThresholdReached> thresholdReached;

    private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

    /** Records a failure that happened outside a supervised call (for example a refused contribution). */
    public void record(String pluginId, String message, Throwable cause) {
        record(pluginId, Optional.empty(), message, message, cause);
    }

    /**
     * Records a failure: {@code reason} is what administrators read as the last error, {@code logged} the log line
     * (which may name the plugin's exception).
     */
    void record(String pluginId, Optional<String> city, String reason, String logged, Throwable cause) {
        Ledger ledger = ledgers.computeIfAbsent(pluginId, id -> new Ledger());
        Instant now = time.now().toInstant();
        String where = city.map(c -> " (in " + c + ")").orElse("");
        ledger.lastError = reason + where;
        ledger.lastErrorAt = now;
        ledger.total++;
        Logger log = Logger.getLogger(PluginContextServices.loggerName(pluginId));
        log.log(Level.WARNING, logged + where, cause);
        if (city.isPresent() && !ledger.cities.record(city.get(), now)) {
            return;
        }
        city.ifPresent(c -> log.warning(() -> "Plugin " + pluginId + " suspended in " + c + " for "
                + config.failureWindow() + " after " + config.cityFailureThreshold() + " failures there"));
        if (ledger.window.record(now)) {
            int count = ledger.window.count(now);
            thresholdReached.fire(new ThresholdReached(pluginId, count + " failures within "
                    + config.failureWindow() + "; last: " + ledger.lastError));
        }
    }

    /** Forgets recent failures, when an administrator starts or enables a plugin again. */
    public void reset(String pluginId) {
        Ledger ledger = ledgers.get(pluginId);
        if (ledger != null) {
            ledger.window.clear();
            ledger.cities.clear();
        }
    }

    /** Whether the plugin's failures in {@code city} have suspended it there. */
    public boolean isSuspended(String pluginId, String city) {
        Ledger ledger = ledgers.get(pluginId);
        return ledger != null && ledger.cities.isSuspended(city, time.now().toInstant());
    }

    /** The plugin's failures as administrators read them. */
    public Health health(String pluginId) {
        Ledger ledger = ledgers.get(pluginId);
        if (ledger == null) {
            return new Health(0, 0, Optional.empty(), Optional.empty(), List.of());
        }
        Instant now = time.now().toInstant();
        return new Health(ledger.window.count(now), ledger.total, Optional.ofNullable(ledger.lastError),
                Optional.ofNullable(ledger.lastErrorAt), ledger.cities.suspended(now));
    }
}
