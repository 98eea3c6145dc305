package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.creativecities.config.ConfigKey;
import org.creativecities.config.ConfigResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped H2 URL ({@code config/application.properties}), opened with the H2 version Payara Micro ships.
 *
 * <p>H2 2.2.224 can write a file it cannot reopen ("Double mark") when it closes a database shortly after heavy
 * writes; that is how a restart after a kill -9 lost the database (docs/architecture.md, "Persistence"). The shipped URL
 * therefore keeps the database open for the life of the server, whatever the connection pool does, and relies on
 * H2's crash recovery at every start.
 */
class DatabaseUrlTest {

    @TempDir
    Path home;

    @Test
    void theDatabaseStaysOpenWhenTheLastConnectionCloses() throws SQLException {
        String url = shippedUrl();
        try (Connection first = DriverManager.getConnection(url, "sa", ""); Statement st = first.createStatement()) {
            // A global temporary table lives exactly as long as the open database.
            st.execute("CREATE GLOBAL TEMPORARY TABLE OPEN_PROBE(X INT)");
        }
        try (Connection second = DriverManager.getConnection(url, "sa", ""); Statement st = second.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'OPEN_PROBE'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the database was closed when its last connection closed: " + url);
        }
    }

    @Test
    void everyCommitIsWrittenBeforeItReturns() throws SQLException {
        String url = shippedUrl();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertTrue(rs.next());
            assertEquals("0", rs.getString(1));
        }
    }

    /**
     * A plugin call that overruns its time limit is interrupted by the supervisor, possibly inside a core service
     * that is writing to the database. H2's default file system closes its file on an interrupt
     * ({@code ClosedByInterruptException}), and every later statement of the whole server then failed. The shipped
     * URL uses H2's {@code async:} file system, which finishes the read or write and keeps the interrupt.
     */
    @Test
    void anInterruptedWriterLeavesTheDatabaseUsable() throws Exception {
        String url = shippedUrl();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE INTERRUPTED(ID INT AUTO_INCREMENT PRIMARY KEY, PAYLOAD VARCHAR(4000))");
        }
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 java.sql.PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO INTERRUPTED(PAYLOAD) VALUES (?)")) {
                for (int i = 0; i < 200; i++) {
                    // As the supervisor does to an overrunning call: the interrupt lands while it writes.
                    Thread.currentThread().interrupt();
                    insert.setString(1, "x".repeat(4000));
                    insert.executeUpdate();
                }
            } catch (SQLException stoppedByTheInterrupt) {
                // The interrupted statement may fail; the database must not.
            }
        });
        writer.start();
        writer.join(30_000);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO INTERRUPTED(PAYLOAD) VALUES ('after')");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INTERRUPTED WHERE PAYLOAD = 'after'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    private String shippedUrl() {
        Path file = Path.of(System.getProperty("user.dir")).resolve("../../config/application.properties").normalize();
        String url = ConfigResolver.builder()
                .systemProperties(Map.of(ConfigKey.HOME.key(), home.toString(),
                        ConfigKey.DATA_DIR.key(), home.resolve("data").toString()))
                .environment(Map.of())
                .file(file)
                .build()
                .resolve()
                .getString(ConfigKey.DB_URL);
        assertTrue(url.startsWith("jdbc:h2:async:" + home.resolve("data")), url);
        return url;
    }
}
