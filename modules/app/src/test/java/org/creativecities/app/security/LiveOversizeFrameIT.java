package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Oversized frames on {@code /ws}, written by a raw client exactly as an attacker would: whatever their size, a
 * message over the frame limit (99328 bytes, docs/protocol.md) closes the connection with 1009 (too big), never 1011;
 * a frame is refused from its header, before its payload is read, so no connection makes the server hold megabytes;
 * the log gets no stack trace; and the server goes on serving everyone else.
 */
@ExtendWith(SharedServer.class)
class LiveOversizeFrameIT {

    private static final int MAX_FRAME = 16384 * 6 + 1024;
    private static final long MIB = 1024 * 1024;

    private final PackagedServer server;

    LiveOversizeFrameIT(PackagedServer server) {
        this.server = server;
    }

    @ParameterizedTest(name = "a text frame of {0} bytes")
    @ValueSource(longs = {MAX_FRAME + 1, 5 * MIB, 10 * MIB})
    void aFrameOverTheLimitClosesWith1009AndTheServerGoesOn(long size) {
        int before = server.logText().length();
        try (LiveOversizeSocket attacker = connect("Oversize")) {
            attacker.sendText(size);
            assertEquals(1009, attacker.awaitClose());
        }
        assertNoStackTrace(before);
        aMemberCanStillPost();
    }

    @Test
    void aFrameIsRefusedFromItsHeaderBeforeItsPayloadArrives() {
        try (LiveOversizeSocket attacker = connect("Header")) {
            // Declares 10 MiB and sends none of it: a server that waits for the payload never answers.
            attacker.sendFrame(LiveOversizeSocket.TEXT, true, 10 * MIB, 0);
            assertEquals(1009, attacker.awaitClose());
        }
        aMemberCanStillPost();
    }

    @Test
    void aMessageFragmentedPastTheLimitClosesWith1009() {
        int before = server.logText().length();
        try (LiveOversizeSocket attacker = connect("Fragments")) {
            int fragment = 16 * 1024;
            attacker.sendFrame(LiveOversizeSocket.TEXT, false, fragment, fragment);
            for (int i = 1; i < 10 * MIB / fragment; i++) {
                attacker.sendFrame(LiveOversizeSocket.CONTINUATION, false, fragment, fragment);
            }
            attacker.sendFrame(LiveOversizeSocket.CONTINUATION, true, fragment, fragment);
            assertEquals(1009, attacker.awaitClose());
        }
        assertNoStackTrace(before);
        aMemberCanStillPost();
    }

    @Test
    void aLongMessageWithinTheLimitIsStillServed() {
        TestUser ida = TestUser.register(server.api(), "Ida");
        Rooms.members(TestUser.admin(server), "linz", ida);
        long room = Rooms.generalRoom(ida, "linz");
        try (LiveClient c = LiveClient.open(ida)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            // 15,000 characters and the envelope: just under the limit, whatever way the JDK's client frames it.
            JsonObject ack = c.send(Rooms.post(room, "long", "y".repeat(15_000))).reply("f-long");
            assertEquals("ack", ack.getString("type"));
        }
    }

    private LiveOversizeSocket connect(String name) {
        TestUser who = TestUser.register(server.api(), name);
        String ticket = who.post("/api/live/tickets", null).expect(201).object().getString("ticket");
        return new LiveOversizeSocket(server.api().base(), ticket);
    }

    private void aMemberCanStillPost() {
        TestUser ann = TestUser.register(server.api(), "Ann");
        Rooms.members(TestUser.admin(server), "linz", ann);
        long room = Rooms.generalRoom(ann, "linz");
        try (LiveClient c = LiveClient.open(ann)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            JsonObject ack = c.send(Rooms.post(room, "after", "still here")).reply("f-after");
            assertEquals("ack", ack.getString("type"));
        }
    }

    private void assertNoStackTrace(int before) {
        String grown = server.logText().substring(before);
        assertFalse(grown.contains("\tat "), "no stack trace for an oversized frame:\n"
                + grown.substring(0, Math.min(3000, grown.length())));
    }
}
