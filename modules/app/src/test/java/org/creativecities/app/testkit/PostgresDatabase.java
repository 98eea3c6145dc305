package org.creativecities.app.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the integration run may use, and a fresh database on it for each packaged server (as each
 * gets a fresh H2 file otherwise).
 *
 * <p>{@code .ci/run} starts a cluster and passes it to the build:
 * <pre>
 * -Dccc.it.postgresql.url=jdbc:postgresql://127.0.0.1:PORT/DB   a database the role may connect to
 * -Dccc.it.postgresql.user=ROLE -Dccc.it.postgresql.password=... a role with CREATEDB
 * </pre>
 * With it set, the PostgreSQL lane ({@code postgresql.PostgresLaneIT}) runs. Adding {@code -Dccc.it.db=postgresql}
 * runs every packaged server of the run on PostgreSQL (each on a database of its own), the whole suite included.
 */
public final class PostgresDatabase {

    /** The system property with the JDBC URL of the PostgreSQL server the tests may use. */
    public static final String URL_PROPERTY = "ccc.it.postgresql.url";
    /** {@value #DB_PROPERTY}{@code =postgresql}: every packaged server of the run uses PostgreSQL. */
    public static final String DB_PROPERTY = "ccc.it.db";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);

    private final String url;
    private final String user;
    private final String password;

    private PostgresDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The configured server, or empty when {@value #URL_PROPERTY} is not set. */
    public static Optional<PostgresDatabase> configured() {
        String url = System.getProperty(URL_PROPERTY, "").trim();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PostgresDatabase(url, System.getProperty("ccc.it.postgresql.user", "ccc"),
                System.getProperty("ccc.it.postgresql.password", "")));
    }

    /**
     * The configured server for a test class that needs it; without {@value #URL_PROPERTY} the class is skipped with
     * a loud message on a developer's machine, and fails on CI ({@code CI=true}), which must always run it.
     *
     * @param what what did not run, e.g. "THE POSTGRESQL LANE"
     */
    public static PostgresDatabase requiredFor(String what) {
        PostgresDatabase postgres = configured().orElse(null);
        if (postgres != null) {
            return postgres;
        }
        String why = what + " DID NOT RUN: -D" + URL_PROPERTY + " is not set. "
                + ".ci/run starts a PostgreSQL cluster and sets it; on your machine see README.md, \"Two commands\".";
        System.err.println("\n" + "!".repeat(100) + "\n" + why + "\n" + "!".repeat(100) + "\n");
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(why + " CI must run it.");
        }
        org.junit.jupiter.api.Assumptions.abort(why);
        throw new IllegalStateException("unreachable");
    }

    /** Whether the run asked for every server on PostgreSQL ({@code -Dccc.it.db=postgresql}). */
    public static boolean wholeRun() {
        String db = System.getProperty(DB_PROPERTY, "h2").trim().toLowerCase(Locale.ROOT);
        if (!db.equals("postgresql") && !db.equals("h2")) {
            throw new IllegalStateException("-D" + DB_PROPERTY + " must be h2 or postgresql, not '" + db + "'");
        }
        return db.equals("postgresql");
    }

    /**
     * With {@code -Dccc.it.db=postgresql}: points the builder at a fresh database, unless it names a database itself.
     * Fails when PostgreSQL was asked for but {@value #URL_PROPERTY} is not set.
     */
    static void applyToWholeRun(String serverName, java.util.Map<String, String> env) {
        if (!wholeRun() || env.containsKey("CCC_DB_URL")) {
            return;
        }
        PostgresDatabase server = configured().orElseThrow(() -> new IllegalStateException("-D" + DB_PROPERTY
                + "=postgresql needs -D" + URL_PROPERTY + " (and ccc.it.postgresql.user/.password): see "
                + "README.md, \"Two commands\""));
        env.putAll(server.freshDatabase(serverName).environment());
    }

    /** Creates an empty database for one server, owned by the configured role; answers how to reach it. */
    public Fresh freshDatabase(String serverName) {
        String name = ("ccc_it_" + RUN + "_" + SEQUENCE.incrementAndGet() + "_"
                + serverName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_"));
        name = name.substring(0, Math.min(name.length(), 63));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + " on " + url + ": "
                    + e.getMessage(), e);
        }
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        return new Fresh(base + name, user, password);
    }

    /** A connection to the configured database (not a server's). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * A server's own database.
     *
     * @param url      its JDBC URL
     * @param user     the role
     * @param password the role's password
     */
    public record Fresh(String url, String user, String password) {

        /** The server's environment that points it at this database. */
        public java.util.Map<String, String> environment() {
            return java.util.Map.of("CCC_DB_URL", url, "CCC_DB_USER", user, "CCC_DB_PASSWORD", password);
        }

        /** A connection to it, for a test that reads what the server wrote. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
