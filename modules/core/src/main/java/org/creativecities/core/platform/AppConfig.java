package org.creativecities.core.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Typed access to the runtime configuration. Values come from MicroProfile Config: the launcher resolves
 * {@code config/application.properties} and environment overrides, validates them, and hands them over as
 * system properties before the application starts.
 */
@ApplicationScoped
public class AppConfig {

    private final Config config = ConfigProvider.getConfig();

    /** Values read on every request, parsed once: the configuration does not change while the server runs. */
    private final Map<String, Object> perRequest = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private <T> T once(String key, Function<String, T> parse) {
        return (T) perRequest.computeIfAbsent(key, k -> parse.apply(value(k).trim()));
    }

    public String value(String key) {
        return config.getOptionalValue(key, String.class).orElse("");
    }

    private int intValue(String key) {
        return Integer.parseInt(value(key).trim());
    }

    private Duration duration(String key) {
        return Duration.parse(value(key).trim());
    }

    /**
     * A positive ISO-8601 duration from the configuration, or {@code fallback} when the key is not set; a bad value
     * fails with a message naming the key. For the keys read outside the launcher's validation.
     */
    public static Duration positiveDuration(String key, Duration fallback) {
        String raw = ConfigProvider.getConfig().getOptionalValue(key, String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(raw);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalStateException(key + ": '" + raw + "' is not a positive ISO-8601 duration");
    }

    public Path dataDir() {
        return Path.of(value("ccc.data.dir"));
    }

    public Path pluginsDir() {
        return Path.of(value("ccc.plugins.dir"));
    }

    public Path citySeed() {
        return Path.of(value("ccc.seed.cities"));
    }

    /**
     * The browser origins allowed to call the API and open live connections: the configured ones, plus this
     * server's own UI on loopback ({@code http://localhost:<port>} and {@code http://127.0.0.1:<port>}), so that
     * the UI works on whatever port the server was started.
     */
    public List<String> allowedOrigins() {
        return once("ccc.http.allowed-origins", origins -> {
            String port = value("ccc.http.port").trim();
            return java.util.stream.Stream.concat(Arrays.stream(origins.split(",")).map(String::trim),
                            java.util.stream.Stream.of("http://localhost:" + port, "http://127.0.0.1:" + port))
                    .filter(s -> !s.isEmpty()).distinct().toList();
        });
    }

    public List<String> trustedProxies() {
        return once("ccc.http.trusted-proxies", proxies -> Arrays.stream(proxies.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    public String adminEmail() {
        return value("ccc.admin.email");
    }

    public String adminPassword() {
        return value("ccc.admin.password");
    }

    public int pageSizeMax() {
        return once("ccc.limits.page-size-max", Integer::valueOf);
    }

    public long requestBodyMax() {
        return once("ccc.limits.request-body-max", Long::valueOf);
    }

    public int uriMax() {
        return once("ccc.limits.uri-max", Integer::valueOf);
    }

    public int jsonDepthMax() {
        return once("ccc.limits.json-depth-max", Integer::valueOf);
    }

    public long pluginUploadMax() {
        return once("ccc.plugins.max-upload", Long::valueOf);
    }

    public long pluginMaxInflated() {
        return once("ccc.plugins.max-inflated-size", Long::valueOf);
    }

    public Duration tokenTtl() {
        return duration("ccc.auth.token-ttl");
    }

    public int maxFailures() {
        return intValue("ccc.auth.max-failures");
    }

    public Duration lockout() {
        return duration("ccc.auth.lockout");
    }

    /** The first wait for new addresses once an email has had {@link #maxFailures()} failed sign-ins in a row. */
    public Duration signInSlowdown() {
        return duration("ccc.auth.slowdown");
    }

    /** Whether {@code /health} details and {@code /metrics} are served to anyone, not only to administrators. */
    public boolean monitoringPublic() {
        return once("ccc.monitoring.access", "public"::equals);
    }

    public int ipAttemptsPerMinute() {
        return intValue("ccc.auth.ip-attempts-per-minute");
    }

    /** Password hashes computed at the same time: the configured number, or half the processors (at least 1). */
    public int passwordChecksAtOnce() {
        int configured = intValue("ccc.auth.password-checks-at-once");
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: the iterations of every password hash a server makes. */
    public static final int PASSWORD_ITERATIONS = 600_000;

    /**
     * PBKDF2 iterations of a new password hash: {@link #PASSWORD_ITERATIONS}, unless
     * {@code ccc.auth.password-iterations} (a key for test servers only, outside the launcher's validation and the
     * shipped file) lowers it, to at least 1,024 (Jakarta Security's floor): the test servers register over a thousand
     * accounts. A lower count makes passwords cheaper to guess from a stolen database. Verifying uses the count stored
     * in each hash.
     */
    public static int passwordIterations() {
        return passwordIterations(ConfigProvider.getConfig().getOptionalValue("ccc.auth.password-iterations",
                String.class).orElse(null));
    }

    /** {@link #passwordIterations()} for a configured value ({@code null} or blank: not set). */
    static int passwordIterations(String configured) {
        String raw = configured == null ? "" : configured.trim();
        if (raw.isEmpty()) {
            return PASSWORD_ITERATIONS;
        }
        try {
            int iterations = Integer.parseInt(raw);
            if (iterations >= 1024 && iterations <= PASSWORD_ITERATIONS) {
                return iterations;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("ccc.auth.password-iterations: '" + raw
                + "' is not a whole number from 1024 to " + PASSWORD_ITERATIONS);
    }

    /** How long a live ticket from {@code POST /api/live/tickets} stays usable (once). */
    public Duration liveTicketTtl() {
        return duration("ccc.live.ticket-ttl");
    }

    /** Live tickets one account may get per minute (token bucket). */
    public int liveTicketsPerMinute() {
        return intValue("ccc.live.tickets-per-minute");
    }

    /** Handshakes on {@code /ws} without a live ticket one client address may make per minute (token bucket). */
    public int liveHandshakesPerMinute() {
        return intValue("ccc.live.handshakes-per-minute");
    }

    /** The most events replayed to a resuming client; further behind gets {@code reset}. */
    public int liveResumeMax() {
        return intValue("ccc.live.resume-max");
    }

    /** Frames a live session may have waiting to be sent before it is closed as a slow consumer (a hard cap). */
    public int liveOutboundQueue() {
        return intValue("ccc.live.outbound-queue");
    }

    /** Characters of the frames a live session may have waiting before it is closed as a slow consumer (a hard cap). */
    public int liveOutboundQueueChars() {
        return intValue("ccc.live.outbound-queue-chars");
    }

    /** How long a frame in flight to a live session may make no progress before it is closed as a slow consumer. */
    public Duration liveSlowConsumerGrace() {
        return duration("ccc.live.slow-consumer-grace");
    }

    /** Live connections one account may have open at once. */
    public int liveMaxConnectionsPerUser() {
        return intValue("ccc.live.max-connections-per-user");
    }

    /** Client frames one live connection may send per minute (token bucket). */
    public int liveConnectionFramesPerMinute() {
        return intValue("ccc.live.connection-frames-per-minute");
    }

    /** Client frames one account may send per minute over all its live connections (token bucket). */
    public int liveUserFramesPerMinute() {
        return intValue("ccc.live.user-frames-per-minute");
    }

    /** Client frames visitors from one client address may send per minute over all their live connections. */
    public int liveVisitorFramesPerMinute() {
        return intValue("ccc.live.visitor-frames-per-minute");
    }

    /** A live connection that receives nothing (not even a pong) for this long is closed. */
    public Duration liveIdleTimeout() {
        return duration("ccc.live.idle-timeout");
    }

    /** How often the server pings each live connection. */
    public Duration livePingInterval() {
        return duration("ccc.live.ping-interval");
    }

    /** How live frames are written: {@code auto} (raw where the container allows) or {@code standard}. */
    public String liveFrameSender() {
        return value("ccc.live.frame-sender");
    }
}
