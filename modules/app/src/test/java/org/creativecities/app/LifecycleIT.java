package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.Test;

/** The harness's kill / restart / stop, and the server surviving a crash with its data folder. */
@OwnServerLane
class LifecycleIT {

    @Test
    void survivesAKillAndStopsGracefully() {
        try (PackagedServer server = PackagedServer.builder("lifecycle").start()) {
            int port = server.port();
            Path db = server.dataDir().resolve("ccc.mv.db");
            assertTrue(Files.isRegularFile(db), "database created in " + server.dataDir());

            server.kill();
            assertFalse(server.isRunning());
            assertEquals(137, server.exitCode(), "SIGKILL");
            server.restart();
            assertTrue(server.isRunning());
            assertEquals(port, server.port(), "same port after restart");
            assertTrue(Files.isRegularFile(db), "same data folder after restart");
            server.api().get("/health/ready").expect(200);
            assertEquals(2, server.logText().lines().filter(l -> l.startsWith(PackagedServer.READY_PREFIX)).count(),
                    "one ready line per start");

            server.stop();
            assertFalse(server.isRunning());
            assertEquals(143, server.exitCode(), "SIGTERM ends the JVM through its shutdown hooks, in time");
        }
    }
}
