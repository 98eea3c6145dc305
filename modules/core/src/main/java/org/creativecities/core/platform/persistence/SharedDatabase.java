package org.creativecities.core.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.creativecities.config.DatabaseKind;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What several nodes on one database need from it, without any clustering: whether other nodes may share this
 * database, this node's name, and a lock that holds across nodes.
 *
 * <p>{@value #SHARED}: {@code auto} (the default) means shared unless the URL is an embedded H2 database (a file or
 * memory database only one process can open); {@code true} or {@code false} say it outright. The sweeps that look
 * for other nodes' changes (plugins, plugin timers, the search change log) run only on a shared database, so that a
 * single H2 node pays nothing for them. Their intervals are read with {@link
 * org.creativecities.core.platform.AppConfig#positiveDuration}.
 */
@ApplicationScoped
public class SharedDatabase {

    private static final Logger LOG = Logger.getLogger(SharedDatabase.class.getName());

    /** Whether other nodes may share this database: auto, true or false. */
    public static final String SHARED = "ccc.db.shared";

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    private final Config config = ConfigProvider.getConfig();
    private final String url = config.getOptionalValue("ccc.db.url", String.class).orElse("").trim();
    private volatile String nodeName;

    /** Whether other nodes may work on this database too (see the class comment). */
    public boolean isShared() {
        String raw = config.getOptionalValue(SHARED, String.class).orElse("auto").trim().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> !isEmbeddedH2(url);
        };
    }

    /** An embedded H2 database: {@code jdbc:h2:} not followed by {@code tcp:} or {@code ssl:} (a server). */
    static boolean isEmbeddedH2(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:")
                && !lower.contains(";auto_server=true");
    }

    /** Whether the database is PostgreSQL. */
    public boolean isPostgresql() {
        return DatabaseKind.of(url).filter(k -> k == DatabaseKind.POSTGRESQL).isPresent();
    }

    /**
     * This node's name, the same across its restarts: the host's name and the HTTP port ({@code host:8080}), which
     * no two running nodes share.
     */
    public String nodeName() {
        String name = nodeName;
        if (name == null) {
            name = nodeName(config);
            nodeName = name;
        }
        return name;
    }

    private static String nodeName(Config config) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + config.getOptionalValue("ccc.http.port", String.class).orElse("8080").trim();
    }

    /** A lock held across nodes until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the named lock, waiting for any other node holding it: on PostgreSQL a session advisory lock on a
     * connection of its own (released when closed, or by PostgreSQL when the node dies); elsewhere nothing (an
     * embedded H2 database has one node). Never call it inside a transaction that another holder may wait on.
     */
    public Held lock(String name) {
        if (!isPostgresql()) {
            return () -> { };
        }
        long key = key(name);
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                s.setLong(1, key);
                s.execute();
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot take the database lock '" + name + "': " + e.getMessage(), e);
        }
        Connection held = c;
        return () -> {
            try (PreparedStatement s = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Releasing the database lock '" + name + "' failed; closing its connection "
                        + "releases it", e);
            } finally {
                closeQuietly(held);
            }
        };
    }

    /** A stable 64-bit key for a lock name (FNV-1a), in a range of its own ({@code ccc.}-prefixed names). */
    static long key(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : ("ccc." + name).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a lock's connection failed", e);
        }
    }
}
