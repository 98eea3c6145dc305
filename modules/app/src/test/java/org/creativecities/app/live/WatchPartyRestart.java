package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * A watch party resumes where it was after the server restarts: its state lives in plugin storage. A scenario of
 * {@code restart.AcrossRestartIT}.
 */
public final class WatchPartyRestart {

    private WatchPartyRestart() {
    }

    /** A host seeks a paused party; after the restart it is paused at the same position, with the same host. */
    public static Runnable prepare(PackagedServer server) {
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
        return () -> {
            TestUser again = host.on(server.api());
            try (LiveClient h = LiveClient.open(again)) {
                JsonObject state = h.send(Rooms.join(room, null, "j2")).reply("j2").getJsonObject("roomState");
                assertEquals(1_234_000, WatchPartyIT.position(state), "the paused party is where it was");
                assertFalse(state.getBoolean("playing"));
                assertEquals(host.id(), state.getJsonNumber("host").longValue());
            }
        };
    }
}
