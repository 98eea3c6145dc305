package org.creativecities.app.music;

import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A listening room loses nothing acknowledged when the server restarts mid-session ({@link MusicRestart}). */
class MusicRestartIT {

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("music-restart").env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1").start();
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aListeningRoomCarriesOnAfterARestart() {
        Runnable check = MusicRestart.prepare(server);
        server.restart();
        check.run();
    }
}
