package org.creativecities.app.restart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.PostgresDatabase;

/**
 * SQL run on a stopped server's database, to put it in a state that an older version left (what
 * {@link RestartScenario.Check#whileDown()} does). On H2 it runs in another JVM (H2's shell), which ends with
 * {@code SHUTDOWN IMMEDIATELY}, so that the file is written at once and closed as a crash leaves it (in this JVM the
 * file would stay locked). On PostgreSQL ({@code -Dccc.it.db=postgresql}) it runs over JDBC on the server's own
 * database, in one transaction. Either way it answers what a query printed, as H2's shell prints it: the column
 * labels in capitals, then the values.
 */
final class DatabaseShell {

    private DatabaseShell() {
    }

    /** Runs the statements (separated by semicolons, none inside a literal) and returns what the queries printed. */
    static String run(PackagedServer server, String sql) {
        return server.postgresDatabase().map(db -> onPostgres(db, sql)).orElseGet(() -> onH2(server, sql));
    }

    private static String onPostgres(PostgresDatabase.Fresh db, String sql) {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : sql.split(";")) {
                if (statement.isBlank()) {
                    continue;
                }
                if (s.execute(statement.strip())) {
                    print(s.getResultSet(), out);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("running SQL on " + db.url() + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void print(ResultSet rows, StringBuilder out) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.append(meta.getColumnLabel(i).toUpperCase(Locale.ROOT)).append(i < meta.getColumnCount() ? " | " : "\n");
        }
        while (rows.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                out.append(rows.getString(i)).append(i < meta.getColumnCount() ? " | " : "\n");
            }
        }
    }

    private static String onH2(PackagedServer server, String sql) {
        String url = "jdbc:h2:file:" + server.dataDir().resolve("ccc") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try {
            String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", h2, "org.h2.tools.Shell", "-url", url, "-user", "sa",
                    // An empty ccc.db.password leaves the reference unresolved: it is the file's password
                    // (docs/security.md, "The database password").
                    "-password", "${MPCONFIG=ccc.db.password}", "-sql", sql + "; SHUTDOWN IMMEDIATELY")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the H2 shell ended");
            return out;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("running SQL on " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
