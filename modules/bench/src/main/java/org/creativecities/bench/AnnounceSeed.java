package org.creativecities.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.creativecities.core.identity.Tokens;

/**
 * Seeds the announcement benchmark's people straight into a stopped server's H2 file (docs/notes-announce.md): the
 * server booted once so that its migrations and the city seed ran, then stopped; this adds {@code people} accounts,
 * each an active member of one of the first {@code cities} cities designated in {@code field} (round robin), each
 * with one bearer token as the schema stores it (the SHA-256 of the token, {@link Tokens#hash}). Every account reuses
 * the administrator's stored password hash: nobody signs in with a password, and registering 2,000 people would cost
 * 4,000 PBKDF2 hashes and the registration limits. The server is then booted again on the same file.
 */
final class AnnounceSeed {

    /** The people seeded: their bearer tokens, and the cities they are members of. */
    record Seeded(List<String> tokens, List<String> cities) {
    }

    private AnnounceSeed() {
    }

    static Seeded seed(Path dataDir, String field, int cities, int people) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("ccc") + ";WRITE_DELAY=0";
        try (Connection c = open(url)) {
            c.setAutoCommit(false);
            List<long[]> cityIds = new ArrayList<>();
            List<String> slugs = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT c.id, c.slug FROM city c "
                    + "JOIN designation d ON d.city_id = c.id JOIN creative_field f ON f.id = d.field_id "
                    + "WHERE f.slug = ? AND c.retired_at IS NULL ORDER BY c.id FETCH FIRST ? ROWS ONLY")) {
                q.setString(1, field);
                q.setInt(2, cities);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        cityIds.add(new long[] {r.getLong(1)});
                        slugs.add(r.getString(2));
                    }
                }
            }
            if (cityIds.isEmpty()) {
                throw new IllegalStateException("no city designated in " + field);
            }
            String hash;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT password_hash FROM account "
                    + "WHERE admin = TRUE ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
                if (!r.next()) {
                    throw new IllegalStateException("no administrator to take a password hash from");
                }
                hash = r.getString(1);
            }
            OffsetDateTime now = OffsetDateTime.now();
            List<String> tokens = new ArrayList<>();
            try (PreparedStatement account = c.prepareStatement("INSERT INTO account (id, email, email_normalized, "
                    + "display_name, password_hash, admin, created_at, version) "
                    + "VALUES (NEXT VALUE FOR account_seq, ?, ?, ?, ?, FALSE, ?, 0)", new String[] {"ID"});
                 PreparedStatement member = c.prepareStatement("INSERT INTO city_membership (id, city_id, account_id, "
                         + "role, status, requested_at, decided_at, version) "
                         + "VALUES (NEXT VALUE FOR city_membership_seq, ?, ?, 'MEMBER', 'ACTIVE', ?, ?, 0)");
                 PreparedStatement token = c.prepareStatement("INSERT INTO auth_token (id, account_id, token_hash, "
                         + "created_at, expires_at) VALUES (NEXT VALUE FOR auth_token_seq, ?, ?, ?, ?)")) {
                long stamp = System.nanoTime();
                for (int i = 0; i < people; i++) {
                    String email = "listener-" + stamp + "-" + i + "@bench.local";
                    account.setString(1, email);
                    account.setString(2, email);
                    account.setString(3, "Bench Listener " + i);
                    account.setString(4, hash);
                    account.setObject(5, now);
                    account.executeUpdate();
                    long id;
                    try (ResultSet keys = account.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    member.setLong(1, cityIds.get(i % cityIds.size())[0]);
                    member.setLong(2, id);
                    member.setObject(3, now);
                    member.setObject(4, now);
                    member.executeUpdate();
                    String t = Tokens.newToken();
                    token.setLong(1, id);
                    token.setString(2, Tokens.hash(t));
                    token.setObject(3, now);
                    token.setObject(4, now.plusDays(1));
                    token.executeUpdate();
                    tokens.add(t);
                }
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return new Seeded(tokens, slugs);
        }
    }

    /**
     * The server's file: user sa, and the password the server gives it (an empty ccc.db.password leaves its reference
     * unresolved, so the reference is the password: docs/security.md, "The database password"), else none.
     */
    static Connection open(String url) throws SQLException {
        try {
            return DriverManager.getConnection(url, "sa", "${MPCONFIG=ccc.db.password}");
        } catch (SQLException wrongPassword) {
            return DriverManager.getConnection(url, "sa", "");
        }
    }
}
