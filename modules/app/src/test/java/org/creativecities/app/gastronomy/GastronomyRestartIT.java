package org.creativecities.app.gastronomy;

import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tasting session survives a server restart midway: see {@link GastronomyRestart}. */
class GastronomyRestartIT {

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("gastronomy-restart").env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1").start();
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aTastingRoundResumesAfterARestart() {
        Runnable check = GastronomyRestart.prepare(server);
        server.restart();
        check.run();
    }
}
