package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The plugin host's tuning, read from MicroProfile Config with defaults, so that a distribution without
 * these keys works: {@code ccc.plugins.call-timeout} (PT2S), {@code ccc.plugins.start-timeout} (PT10S),
 * {@code ccc.plugins.failure-threshold} (3), {@code ccc.plugins.failure-window} (PT60M),
 * {@code ccc.plugins.max-concurrent-calls} (8 per plugin), {@code ccc.plugins.max-threads} (32 in all).
 */
@ApplicationScoped
public class PluginHostConfig {

    private final Config config = ConfigProvider.getConfig();

    private Duration duration(String key, Duration fallback) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank()).map(s -> Duration.parse(s.trim()))
                .orElse(fallback);
    }

    private int integer(String key, int fallback) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank())
                .map(s -> Integer.parseInt(s.trim())).orElse(fallback);
    }

    /** Limit for HTTP handlers, hooks and event listeners. */
    public Duration callTimeout() {
        return duration("ccc.plugins.call-timeout", Duration.ofSeconds(2));
    }

    /** Limit for start and stop. */
    public Duration startTimeout() {
        return duration("ccc.plugins.start-timeout", Duration.ofSeconds(10));
    }

    public int failureThreshold() {
        return integer("ccc.plugins.failure-threshold", 3);
    }

    /** Failures in one city, within the window, that suspend a plugin in that city for one window. */
    public int cityFailureThreshold() {
        return integer("ccc.plugins.city-failure-threshold", 3);
    }

    public Duration failureWindow() {
        return duration("ccc.plugins.failure-window", Duration.ofMinutes(60));
    }

    public int maxConcurrentCalls() {
        return integer("ccc.plugins.max-concurrent-calls", 8);
    }

    public int maxThreads() {
        return integer("ccc.plugins.max-threads", 32);
    }
}
