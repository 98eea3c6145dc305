package org.creativecities.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The databases the platform runs on, told apart by the JDBC URL ({@code ccc.db.url}): H2 (embedded, the default)
 * and PostgreSQL (a server shared by every node). Each names the class the server's connection pool is built on;
 * the launcher publishes it as {@value #DATASOURCE_CLASS_PROPERTY}, which the core's data source definition reads.
 *
 * <p>Neither is an {@code XADataSource}: the platform's transactions touch one database, and Payara gives a pool
 * built on an XA class (as H2's {@code JdbcDataSource} is) a full JTS transaction with an XA commit on every
 * transaction, where a non-XA pool gets a local one. On H2 that was a quarter of a live post's CPU (docs/benchmarks.md,
 * "The live engine, midday 6 December"), so H2's pool is built on its driver.
 */
public enum DatabaseKind {

    /** {@code jdbc:h2:...}: the H2 that Payara Micro ships. */
    H2("jdbc:h2:", "org.h2.Driver"),
    /** {@code jdbc:postgresql://host[:port]/database[?parameters]}: the driver bundled in the distribution's lib/. */
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.ds.PGSimpleDataSource");

    /** The system property the launcher sets to {@link #dataSourceClass()} of the configured URL. */
    public static final String DATASOURCE_CLASS_PROPERTY = "ccc.db.datasource-class";

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$.-]{1,63}");

    private final String prefix;
    private final String dataSourceClass;

    DatabaseKind(String prefix, String dataSourceClass) {
        this.prefix = prefix;
        this.dataSourceClass = dataSourceClass;
    }

    /** The database a JDBC URL points to, if it is one the platform runs on. */
    public static Optional<DatabaseKind> of(String url) {
        for (DatabaseKind d : values()) {
            if (url.startsWith(d.prefix)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The class the connection pool is built on: a {@code java.sql.Driver} or a non-XA {@code DataSource}. */
    public String dataSourceClass() {
        return dataSourceClass;
    }

    /**
     * Checks a URL of this database; answers the problem as a phrase completing "{@code '<url>' ...}", or empty.
     * H2 takes anything after {@code jdbc:h2:} (H2 itself names what it refuses); PostgreSQL needs a host, an
     * optional port (1-65535) and a database name, as {@code jdbc:postgresql://host[:port]/database[?k=v&...]}.
     */
    Optional<String> problem(String url) {
        String rest = url.substring(prefix.length());
        if (rest.isBlank()) {
            return Optional.of("names no database after '" + prefix + "'");
        }
        if (this == H2) {
            return Optional.empty();
        }
        String form = "is not a PostgreSQL URL of the form jdbc:postgresql://host[:port]/database";
        if (!rest.startsWith("//")) {
            return Optional.of(form);
        }
        URI uri;
        try {
            uri = new URI("postgresql:" + rest);
        } catch (URISyntaxException e) {
            return Optional.of(form);
        }
        String host = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host == null || host.isEmpty() || uri.getUserInfo() != null) {
            return Optional.of(form + " (no host, or user and password in the URL: use ccc.db.user and ccc.db.password)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || (uri.getPort() < 0 && uri.getAuthority().endsWith(":"))) {
            return Optional.of(form + " (the port must be 1-65535)");
        }
        if (!path.startsWith("/") || !DATABASE_NAME.matcher(path.substring(1)).matches()) {
            return Optional.of(form + " (the database name is missing or not 1-63 letters, digits, _ $ . -)");
        }
        return Optional.empty();
    }

    /** Lower-case name, as written in the guides and the log ({@code h2}, {@code postgresql}). */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
