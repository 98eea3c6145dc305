package org.creativecities.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every runtime configuration key of Creative Cities Commons: its name, the type that validates it, and what it
 * means. The defaults are not here: they live in {@code config/application.properties}.
 *
 * <p>To add a key, add one constant; the launcher and the core validate and publish it from then on.
 */
public enum ConfigKey {

    HTTP_PORT("ccc.http.port", ValueType.PORT, "HTTP port the server listens on."),
    HTTP_ALLOWED_ORIGINS("ccc.http.allowed-origins", ValueType.ORIGINS,
            "Comma-separated web origins (scheme://host[:port]) that browsers may call the API from, besides the "
                    + "server's own UI on loopback; empty = only that."),
    HTTP_TRUSTED_PROXIES("ccc.http.trusted-proxies", ValueType.IP_ADDRESSES,
            "Comma-separated IP addresses of reverse proxies whose X-Forwarded-For is believed; empty = none."),
    MONITORING_ACCESS("ccc.monitoring.access", ValueType.oneOf("admins", "public"),
            "Who sees /health details and /metrics: admins (bearer token; others get the status only) or public."),
    DATA_DIR("ccc.data.dir", ValueType.PATH, "Folder for the database and uploaded files; relative to the working directory."),
    DB_URL("ccc.db.url", ValueType.JDBC_URL, "JDBC URL of the database."),
    DB_USER("ccc.db.user", ValueType.TEXT, "Database user."),
    DB_PASSWORD("ccc.db.password", ValueType.SECRET, "Database password (may be empty)."),
    DB_SHARED("ccc.db.shared", ValueType.oneOf("auto", "true", "false"),
            "Whether other nodes may share the database: auto (yes unless it is an embedded H2 file), true or false. "
                    + "The sweeps that pick up other nodes' changes run only on a shared database."),
    HOME("ccc.home", ValueType.PATH, "The distribution folder; set by the launcher, not in the file."),
    PLUGINS_DIR("ccc.plugins.dir", ValueType.PATH, "Folder the plugin jars are loaded from."),
    RUNTIME_DIR("ccc.runtime.dir", ValueType.PATH, "Payara Micro's working folder (--rootdir)."),
    SEED_CITIES("ccc.seed.cities", ValueType.PATH, "CSV file of member cities loaded into an empty database."),
    ADMIN_EMAIL("ccc.admin.email", ValueType.EMAIL_ADDRESS, "E-mail address of the first administrator."),
    ADMIN_PASSWORD("ccc.admin.password", ValueType.secret(12),
            "Password of the first administrator; empty = generate one and print it once."),
    LIMITS_PAGE_SIZE_MAX("ccc.limits.page-size-max", ValueType.intRange(1, 1000), "Largest page size a list request may ask for."),
    LIMITS_REQUEST_BODY_MAX("ccc.limits.request-body-max", ValueType.BYTES, "Largest accepted request body, in bytes."),
    LIMITS_URI_MAX("ccc.limits.uri-max", ValueType.intRange(256, 16384),
            "Longest accepted request target (path and query), in characters; longer ones get 414."),
    LIMITS_JSON_DEPTH_MAX("ccc.limits.json-depth-max", ValueType.intRange(2, 256),
            "Deepest nesting of objects and arrays accepted in a JSON request body."),
    AUTH_TOKEN_TTL("ccc.auth.token-ttl", ValueType.DURATION, "How long a session token stays valid (ISO-8601, e.g. P30D)."),
    AUTH_MAX_FAILURES("ccc.auth.max-failures", ValueType.intRange(1, 1000),
            "Failed sign-ins in a row, for one email, before its source is locked out and strangers are slowed down."),
    AUTH_LOCKOUT("ccc.auth.lockout", ValueType.DURATION,
            "How long an address that failed too often for an email is refused, and the longest slow-down (ISO-8601)."),
    AUTH_SLOWDOWN("ccc.auth.slowdown", ValueType.DURATION,
            "First wait imposed on new addresses once an email has had max-failures in a row; doubles each failure."),
    AUTH_IP_ATTEMPTS_PER_MINUTE("ccc.auth.ip-attempts-per-minute", ValueType.intRange(1, 10000),
            "Sign-in attempts, and registrations (counted apart), allowed per client IP address per minute."),
    AUTH_PASSWORD_CHECKS_AT_ONCE("ccc.auth.password-checks-at-once", ValueType.intRange(0, 256),
            "Password hashes computed at the same time (0: half the processors, at least one); the rest wait their turn."),
    PLUGINS_MAX_UPLOAD("ccc.plugins.max-upload", ValueType.BYTES, "Largest plugin jar an administrator may upload, in bytes."),
    PLUGINS_MAX_INFLATED_SIZE("ccc.plugins.max-inflated-size", ValueType.BYTES,
            "Most bytes all entries of an uploaded plugin jar may inflate to (a zip bomb is refused with 413)."),
    PLUGINS_CALL_TIMEOUT("ccc.plugins.call-timeout", ValueType.DURATION,
            "How long a call into plugin code (route, hook, event) may take before it is abandoned (ISO-8601)."),
    PLUGINS_START_TIMEOUT("ccc.plugins.start-timeout", ValueType.DURATION, "How long a plugin may take to start (ISO-8601)."),
    PLUGINS_FAILURE_THRESHOLD("ccc.plugins.failure-threshold", ValueType.intRange(1, 1000),
            "Failures within the window after which a plugin is disabled automatically."),
    PLUGINS_CITY_FAILURE_THRESHOLD("ccc.plugins.city-failure-threshold", ValueType.intRange(1, 1000),
            "Failures in one city within the window that suspend a plugin there for one window; each counts once globally."),
    PLUGINS_FAILURE_WINDOW("ccc.plugins.failure-window", ValueType.DURATION,
            "The sliding window in which plugin failures are counted (ISO-8601)."),
    PLUGINS_MAX_CONCURRENT_CALLS("ccc.plugins.max-concurrent-calls", ValueType.intRange(1, 10000),
            "Calls one plugin may have running at once; more are refused at once."),
    PLUGINS_MAX_THREADS("ccc.plugins.max-threads", ValueType.intRange(1, 10000),
            "Threads of the executor that runs all calls into plugin code."),
    PLUGINS_TIMERS_MAX_PER_PLUGIN("ccc.plugins.timers.max-per-plugin", ValueType.intRange(1, 100000),
            "Timers one plugin may have at once, in-memory and durable together; one more is refused."),
    PLUGINS_TIMERS_MIN_DELAY("ccc.plugins.timers.min-delay", ValueType.DURATION,
            "The shortest delay or period of a plugin timer (ISO-8601); shorter ones are refused."),
    PLUGINS_SYNC_INTERVAL("ccc.plugins.sync-interval", ValueType.DURATION,
            "On a shared database, how often a node looks for plugins installed, upgraded, removed, enabled, disabled "
                    + "or placed by other nodes (ISO-8601)."),
    PLUGINS_TIMERS_SWEEP_INTERVAL("ccc.plugins.timers.sweep-interval", ValueType.DURATION,
            "On a shared database, how often a node looks for durable plugin timers that other nodes stored and that "
                    + "fall due (ISO-8601); one node delivers each."),
    PLUGINS_TIMERS_RETRY_DELAY("ccc.plugins.timers.retry-delay", ValueType.DURATION,
            "How long a durable plugin timer whose handler failed, or was refused as busy, waits before it is "
                    + "delivered again (ISO-8601)."),
    LIVE_TICKET_TTL("ccc.live.ticket-ttl", ValueType.DURATION,
            "How long a live ticket (POST /api/live/tickets) can open one WebSocket connection."),
    LIVE_TICKETS_PER_MINUTE("ccc.live.tickets-per-minute", ValueType.intRange(1, 100000),
            "Live tickets (POST /api/live/tickets) one account may get per minute."),
    LIVE_HANDSHAKES_PER_MINUTE("ccc.live.handshakes-per-minute", ValueType.intRange(1, 1000000),
            "WebSocket handshakes on /ws one client address may make per minute without a live ticket (visitors, "
                    + "Authorization headers, tickets that open nothing); more get 429 before the upgrade."),
    LIVE_RESUME_MAX("ccc.live.resume-max", ValueType.intRange(1, 100000),
            "Most missed events replayed to a resuming live client; further behind gets a reset."),
    LIVE_OUTBOUND_QUEUE("ccc.live.outbound-queue", ValueType.intRange(1024, 100000),
            "Hard cap on frames waiting for one live connection; past it the connection is closed as a slow "
                    + "consumer. At least 1024: a room's writer sends up to 512 frames to a poster in one burst."),
    LIVE_OUTBOUND_QUEUE_CHARS("ccc.live.outbound-queue-chars", ValueType.intRange(4194304, Integer.MAX_VALUE),
            "Hard cap on the characters of the frames waiting for one live connection (its memory); past it the "
                    + "connection is closed as a slow consumer. At least 4 Mi: one burst of a room's writer is less."),
    LIVE_SLOW_CONSUMER_GRACE("ccc.live.slow-consumer-grace", ValueType.DURATION,
            "A live connection whose frame in flight has not been written for this long is closed as a slow consumer."),
    LIVE_MAX_CONNECTIONS_PER_USER("ccc.live.max-connections-per-user", ValueType.intRange(1, 1000),
            "Live connections one account may have open at once."),
    LIVE_CONNECTION_FRAMES_PER_MINUTE("ccc.live.connection-frames-per-minute", ValueType.intRange(1, 1000000),
            "Client frames one live connection may send per minute."),
    LIVE_USER_FRAMES_PER_MINUTE("ccc.live.user-frames-per-minute", ValueType.intRange(1, 1000000),
            "Client frames one account may send per minute over all its live connections."),
    LIVE_VISITOR_FRAMES_PER_MINUTE("ccc.live.visitor-frames-per-minute", ValueType.intRange(1, 1000000),
            "Client frames visitors (not signed in) from one client address may send per minute over all their live "
                    + "connections."),
    LIVE_IDLE_TIMEOUT("ccc.live.idle-timeout", ValueType.DURATION,
            "A live connection that receives nothing, not even a pong, this long is closed."),
    LIVE_PING_INTERVAL("ccc.live.ping-interval", ValueType.DURATION, "How often the server pings live connections."),
    LIVE_FRAME_SENDER("ccc.live.frame-sender", ValueType.oneOf("auto", "standard"),
            "How live frames are written: auto (encoded once and written raw where the container is Tyrus, as in "
                    + "Payara) or standard (the portable WebSocket API; slower)."),
    CLUSTER_MODE("ccc.cluster.mode", ValueType.oneOf("none", "tcpip", "dns", "kubernetes"),
            "How this node joins others (Payara Micro's clustering): none (one node, no Hazelcast), tcpip (listed "
                    + "members), dns (names resolving to the nodes) or kubernetes (the pods of a service)."),
    CLUSTER_NAME("ccc.cluster.name", ClusterSettings.CLUSTER_NAME,
            "The cluster's name: only nodes with the same name join (--clusterName)."),
    CLUSTER_MEMBERS("ccc.cluster.members", ClusterSettings.HOST_PORTS,
            "The members as host:port,host:port (tcpip: addresses; dns: names resolving to the nodes)."),
    CLUSTER_INTERFACES("ccc.cluster.interfaces", ValueType.IP_ADDRESSES,
            "The IP addresses the cluster's port binds to, and only those; empty = every interface (--interfaces)."),
    CLUSTER_START_PORT("ccc.cluster.start-port", ValueType.PORT,
            "The first port the cluster tries on this node, counting up while it is taken (--startPort)."),
    CLUSTER_KUBERNETES_SERVICE("ccc.cluster.kubernetes-service", ClusterSettings.KUBERNETES_SERVICE,
            "kubernetes mode: namespace/service whose pods are the nodes."),
    LOG_FORMAT("ccc.log.format", ValueType.oneOf("text", "json"),
            "Server log format on the console: text (readable) or json (one JSON object per line)."),
    STARTUP_TIMEOUT("ccc.startup.timeout", ValueType.DURATION,
            "How long the launcher waits for the server to become ready before giving up (ISO-8601, e.g. PT5M).");

    private static final Map<String, ConfigKey> BY_NAME = Collections.unmodifiableMap(
            Arrays.stream(values()).collect(Collectors.toMap(ConfigKey::key, Function.identity())));

    private final String key;
    private final ValueType<?> type;
    private final String description;

    ConfigKey(String key, ValueType<?> type, String description) {
        this.key = key;
        this.type = type;
        this.description = description;
    }

    /** The property name, e.g. {@code ccc.http.port}. */
    public String key() {
        return key;
    }

    public ValueType<?> type() {
        return type;
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return type.isSecret();
    }

    /** The environment variable name MicroProfile Config maps this key to, e.g. {@code CCC_HTTP_PORT}. */
    public String environmentName() {
        return ConfigResolver.environmentName(key);
    }

    /** The key with this property name, if there is one. */
    public static Optional<ConfigKey> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return key;
    }
}
