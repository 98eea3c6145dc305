package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Set;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A live connection lives no longer than the session that opened it, and acts with the account's rights as they are
 * now: sign-out and sign-out everywhere close it (4401 "session ended"), and a change of the account's rights
 * applies to its next frame. Each connection is opened with a ticket, as browsers do.
 */
@ExtendWith(SharedServer.class)
class LiveSessionsIT {

    private final PackagedServer server;
    private final TestUser admin;

    LiveSessionsIT(PackagedServer server) {
        this.server = server;
        this.admin = TestUser.admin(server);
    }

    @Test
    void signingOutClosesTheConnectionsOfThatSessionOnly() {
        TestUser una = TestUser.register(server.api(), "Una");
        TestUser unaElsewhere = TestUser.signIn(server.api(), una.email(), TestUser.PASSWORD, una.ip());
        Rooms.members(admin, "utrecht", una);
        long room = Rooms.generalRoom(una, "utrecht");
        try (LiveClient here = LiveClient.open(una); LiveClient there = LiveClient.open(unaElsewhere)) {
            here.send(Rooms.join(room, null, "j")).reply("j");
            there.send(Rooms.join(room, null, "j")).reply("j");

            una.delete("/api/sessions/current").expect(204);

            assertEquals(4401, here.awaitClose());
            assertEquals("session ended", here.closeReason());
            JsonObject ack = there.send(Rooms.post(room, "still", "still here")).reply("f-still");
            assertEquals("ack", ack.getString("type"));
            assertFalse(there.isClosed());
        }
    }

    @Test
    void signingOutEverywhereClosesEveryConnectionOfTheAccount() {
        TestUser vic = TestUser.register(server.api(), "Vic");
        TestUser vicElsewhere = TestUser.signIn(server.api(), vic.email(), TestUser.PASSWORD, vic.ip());
        try (LiveClient one = LiveClient.open(vic); LiveClient two = LiveClient.open(vicElsewhere)) {
            vic.delete("/api/sessions").expect(200);

            assertEquals(4401, one.awaitClose());
            assertEquals(4401, two.awaitClose());
        }
    }

    @Test
    void aFrameAfterTheSessionEndedIsNotHandled() {
        TestUser wes = TestUser.register(server.api(), "Wes");
        Rooms.members(admin, "utrecht", wes);
        long room = Rooms.generalRoom(wes, "utrecht");
        try (LiveClient c = LiveClient.open(wes); LiveClient watcher = LiveClient.open(admin)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            watcher.send(Rooms.join(room, null, "j")).reply("j");
            wes.delete("/api/sessions/current").expect(204);
            c.sendRaw(Rooms.post(room, "ghost", "after sign-out").toString());
            // Unique: the administrator posts markers into this shared room from other tests too (a repeated id is a
            // duplicate, acked but not delivered again).
            String marker = "marker-" + System.nanoTime();
            watcher.send(Rooms.post(room, marker, "marker")).reply("f-" + marker);
            watcher.await(f -> f.getString("type").equals("message")
                    && f.getString("clientMessageId", "").equals(marker));
            assertTrue(watcher.frames("message").stream()
                    .noneMatch(f -> f.getString("clientMessageId", "").equals("ghost")), "nothing posted");
            assertEquals(4401, c.awaitClose());
        }
    }

    @Test
    void withdrawnAdministrationIsCheckedOnTheNextFrame() {
        TestUser xia = TestUser.register(server.api(), "Xia");
        admin.put("/api/admin/accounts/" + xia.id() + "/admin", Api.json("admin", true)).expect(200);
        // Xia is no member of Tallinn: as an administrator she may write there all the same.
        long room = Rooms.generalRoom(admin, "tallinn");
        try (LiveClient c = LiveClient.open(xia)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            assertEquals("ack", c.send(Rooms.post(room, "as-admin", "as an administrator")).reply("f-as-admin")
                    .getString("type"));

            admin.put("/api/admin/accounts/" + xia.id() + "/admin", Api.json("admin", false)).expect(200);

            JsonObject refused = c.send(Rooms.post(room, "as-member", "no longer")).reply("f-as-member");
            assertEquals("error", refused.getString("type"));
            assertTrue(Set.of("forbidden", "not-found", "access-revoked").contains(refused.getString("code")),
                    refused.toString());
            assertFalse(c.isClosed(), "the session itself goes on");
        }
    }
}
