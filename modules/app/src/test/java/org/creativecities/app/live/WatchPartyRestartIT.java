package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A watch party resumes where it was after the server restarts: its state lives in plugin storage. */
class WatchPartyRestartIT {

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("watch-party-restart").env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1").start();
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void thePartyResumesAfterARestart() {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(server.api(), "Restart Host");
        String city = "bitola";
        Rooms.members(admin, city, host);
        admin.put("/api/cities/" + city + "/members/" + host.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        long room = WatchPartyIT.watchPartyRoom(host, city, "Before the Rain " + System.nanoTime());
        try (LiveClient h = LiveClient.open(host)) {
            h.send(Rooms.join(room, null, "j")).reply("j");
            h.send(WatchPartyIT.action(room, "seek", Api.json("positionMs", 1_234_000), "s"));
            JsonObject seeked = h.await(f -> WatchPartyIT.isState(f, room)).getJsonObject("state");
            assertEquals(1_234_000, WatchPartyIT.position(seeked));
        }

        server.restart();

        try (LiveClient h = LiveClient.open(host)) {
            JsonObject state = h.send(Rooms.join(room, null, "j2")).reply("j2").getJsonObject("roomState");
            assertEquals(1_234_000, WatchPartyIT.position(state), "the paused party is where it was");
            assertFalse(state.getBoolean("playing"));
            assertEquals(host.id(), state.getJsonNumber("host").longValue());
        }
    }
}
