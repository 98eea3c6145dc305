package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 database made by the release of 5 December 2026 (Flyway 11.14.1, schema: core 12, citypages 1, events 4,
 * media 2, notifications 5, projects 4, works 4, with the data of a restart test's run) migrates forward with the
 * Flyway the server ships now (13.x): Flyway accepts the history tables the old one wrote (checksums, format), applies
 * only the migrations added since, and the data stays. The migration settings are the server's
 * ({@code core.platform.persistence.Migrations}): the core's {@code db/migration} into Flyway's default history table,
 * each context's {@code db/<name>} into {@code flyway_history_<name>}.
 *
 * <p>The fixture ({@code upgrade/release-2026-12-05.sql.gz}) is H2's {@code SCRIPT} of the data folder that
 * {@code restart.AcrossRestartIT} left on CI at commit ff6581e5 (main on 5 December 2026); it is loaded into a fresh H2
 * file with the shipped URL's settings.
 */
class ReleaseDatabaseUpgradeTest {

    private static final String FIXTURE = "/upgrade/release-2026-12-05.sql.gz";

    @TempDir
    Path dir;

    @Test
    void aDatabaseOfTheDecember2026ReleaseMigratesForwardWithItsData() throws IOException, SQLException {
        Path script = dir.resolve("release.sql.gz");
        try (InputStream in = ReleaseDatabaseUpgradeTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, script);
        }
        String url = "jdbc:h2:file:" + dir.resolve("ccc") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script + "' COMPRESSION GZIP");
        }
        long cities = count(url, "SELECT COUNT(*) FROM city");
        long accounts = count(url, "SELECT COUNT(*) FROM account");
        long events = count(url, "SELECT COUNT(*) FROM room_event");
        assertTrue(cities > 390 && accounts > 5 && events > 10, cities + " cities, " + accounts + " accounts");

        Path modules = Path.of("").toAbsolutePath().getParent();
        MigrateResult core = Flyway.configure().dataSource(url, "sa", "")
                .locations("filesystem:" + modules.resolve("core/src/main/resources/db/migration"))
                .failOnMissingLocations(true).load().migrate();
        assertTrue(core.success);
        assertEquals(newSince(modules.resolve("core/src/main/resources/db/migration"), 12), core.migrationsExecuted,
                "the core applies only what was added after its version 12");
        List<String> contexts = new ArrayList<>();
        for (String[] context : new String[][] {{"citypages", "1"}, {"events", "4"}, {"media", "2"},
            {"notifications", "5"}, {"projects", "4"}, {"works", "4"}}) {
            Path folder = modules.resolve(context[0] + "/src/main/resources/db/" + context[0]);
            MigrateResult result = Flyway.configure().dataSource(url, "sa", "")
                    .locations("filesystem:" + folder).table("flyway_history_" + context[0])
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            assertTrue(result.success, context[0]);
            assertEquals(newSince(folder, Integer.parseInt(context[1])), result.migrationsExecuted,
                    context[0] + " applies only what was added after its version " + context[1]);
            contexts.add(context[0]);
        }
        assertEquals(6, contexts.size());
        assertEquals(cities, count(url, "SELECT COUNT(*) FROM city"), "the cities stay");
        assertEquals(accounts, count(url, "SELECT COUNT(*) FROM account"), "the accounts stay");
        assertEquals(events, count(url, "SELECT COUNT(*) FROM room_event"), "the rooms' events stay");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closed) {
            // SHUTDOWN IMMEDIATELY ends the connection it runs on.
        }
    }

    /** How many migrations of the folder have a major version above {@code released}. */
    private static int newSince(Path folder, int released) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+.*\\.sql"))
                    .filter(n -> Integer.parseInt(n.substring(1).split("[._]")[0]) > released).count();
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
