package org.creativecities.app.restart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.creativecities.app.testkit.PackagedServer;

/**
 * SQL run on a stopped server's H2 file, in another JVM (H2's shell), to put it in a state that an older version
 * left (what {@link RestartScenario.Check#whileDown()} does): the shell ends with {@code SHUTDOWN IMMEDIATELY}, so
 * that the file is written at once and closed as a crash leaves it.
 */
final class H2Shell {

    private H2Shell() {
    }

    /** Runs the statements (separated by semicolons) and returns what the shell printed. */
    static String run(PackagedServer server, String sql) {
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
