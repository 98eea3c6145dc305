package org.creativecities.app.literature;

import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A literature session midway through loses nothing acknowledged when the server restarts ({@link LiteratureRestart}).
 */
class LiteratureRestartIT {

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("literature-restart").env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1").start();
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aReadingCircleAndAStoryMidwayThroughResumeAfterARestart() {
        Runnable check = LiteratureRestart.prepare(server);
        server.restart();
        check.run();
    }
}
