package org.creativecities.app.live;

import org.creativecities.app.testkit.TestUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout with ping/pong, on a server of its own with a 3 s timeout and a 1 s ping: a client that
 * answers pings stays connected without sending anything; one that stops answering is closed.
 */
@OwnServerLane
class LiveIdleIT {

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("live-idle")
                .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                .env("CCC_LIVE_IDLE_TIMEOUT", "PT3S")
                .env("CCC_LIVE_PING_INTERVAL", "PT1S")
                .start();
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    /**
     * Reads what the server sends (the rest of the handshake, then pings) until a close frame or the end of
     * the stream. Header bytes are ASCII and pings carry the payload "p", so 0x88 can only be a close frame.
     */
    private static boolean sawCloseOrEnd(InputStream in) throws IOException {
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == 0x88) {
                    return true;
                }
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        }
    }

    @Test
    void pongsKeepAConnectionAliveAndSilenceClosesIt() throws InterruptedException, IOException {
        TestUser admin = TestUser.admin(server);
        TestUser liv = TestUser.register(server.api(), "Liv");
        TestUser mo = TestUser.register(server.api(), "Mo");
        Rooms.members(admin, "bergen", liv, mo);
        long room = Rooms.generalRoom(liv, "bergen");
        String ticket = mo.post("/api/live/tickets", null).expect(201).object().getString("ticket");
        // The JDK's WebSocket client answers pings by itself, so the silent client speaks the handshake over a
        // plain socket and then never answers anything.
        try (LiveClient answering = LiveClient.open(liv); Socket silent = new Socket()) {
            answering.send(Rooms.join(room, null, "j")).reply("j");
            URI base = server.api().base();
            silent.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            silent.setSoTimeout(20_000);
            String handshake = "GET /ws?ticket=" + ticket + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString("idle-test-key-16".getBytes(
                    StandardCharsets.US_ASCII)) + "\r\nOrigin: http://localhost:" + base.getPort() + "\r\n\r\n";
            silent.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
            silent.getOutputStream().flush();
            InputStream in = silent.getInputStream();
            String status = readLine(in);
            assertTrue(status.contains(" 101 "), "handshake answered " + status);

            Thread.sleep(7_000);

            assertFalse(answering.isClosed(), "a client that answers pings is not idle: " + answering.closeReason());
            assertEquals(1, answering.send(Rooms.post(room, "still-here", "still here")).reply("f-still-here")
                    .getJsonNumber("seq").longValue());
            assertTrue(sawCloseOrEnd(in), "the silent connection was closed by the server");
            assertTrue(server.logText().contains(": idle timeout"), "the server named the reason");
        }
    }
}
