package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile frames on {@code /ws}, sent as a visitor (no sign-in needed): each is refused with an error frame before
 * the JSON parser sees it, rate limits apply before parsing, and the server's log grows by a line per class of
 * refusal, never by a stack trace. Payloads: {@code security/live-frames.txt}, one frame per line.
 */
@ExtendWith(SharedServer.class)
class LiveFramesIT {

    private final PackagedServer server;

    LiveFramesIT(PackagedServer server) {
        this.server = server;
    }

    @Test
    void deeplyNestedFramesAreRefusedWithoutFillingTheLog() {
        String deep = "{\"type\":\"join\",\"room\":1,\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        int before = server.logText().length();
        try (LiveClient visitor = LiveClient.connect(server.api().base(), null, Map.of())) {
            for (int i = 0; i < 300; i++) {
                visitor.sendRaw(deep).join();
            }
            visitor.await(f -> f.getString("type").equals("error") && errors(visitor).size() >= 300);
            List<JsonObject> errors = errors(visitor);
            assertEquals(300, errors.size());
            assertTrue(errors.stream().allMatch(e -> List.of("too-deep", "rate-limited").contains(e.getString("code"))),
                    errors.get(0).toString());
            assertFalse(visitor.isClosed());
        }
        String grown = server.logText().substring(before);
        assertFalse(grown.contains("\tat "), "no stack trace for client input:\n" + head(grown));
        assertTrue(grown.lines().filter(l -> l.contains("LiveEngine")).count() <= 3, head(grown));
    }

    @Test
    void everyPayloadOfTheCorpusGetsAnErrorFrameAndNoneAnInternalError() {
        List<String> payloads = corpus();
        int before = server.logText().length();
        List<LiveClient> clients = new ArrayList<>();
        try {
            for (String payload : payloads) {
                // One connection per payload: the per-connection rate limit is not what is tested here.
                LiveClient c = LiveClient.connect(server.api().base(), null, Map.of());
                clients.add(c);
                c.sendRaw(payload).join();
                JsonObject error = c.await(f -> f.getString("type").equals("error"));
                assertFalse(error.getString("code").equals("internal"), payload + " -> " + error);
                assertFalse(error.toString().matches("(?s).*\\b(java|jakarta|org)\\.[a-z]+\\..*"), error.toString());
            }
        } finally {
            clients.forEach(LiveClient::close);
        }
        String grown = server.logText().substring(before);
        assertFalse(grown.contains("\tat "), "no stack trace for client input:\n" + head(grown));
    }

    @Test
    void visitorsFromOneAddressShareOneFrameBudget() {
        List<LiveClient> visitors = new ArrayList<>();
        try {
            int limited = 0;
            // Eight connections, each under its own limit (120 a minute), over the address's (600 a minute).
            for (int i = 0; i < 8; i++) {
                LiveClient v = LiveClient.connect(server.api().base(), null, Map.of());
                visitors.add(v);
                for (int j = 0; j < 100; j++) {
                    v.sendRaw("{\"type\":\"leave\",\"room\":1}").join();
                }
            }
            for (LiveClient v : visitors) {
                v.await(f -> v.frames().size() >= 101);
                limited += (int) errors(v).stream().filter(e -> e.getString("code").equals("rate-limited")).count();
            }
            assertTrue(limited >= 100, "rate-limited frames: " + limited);
        } finally {
            visitors.forEach(LiveClient::close);
        }
    }

    @Test
    void aFloodOfLiveTicketsIsCut() {
        TestUser yan = TestUser.register(server.api(), "Yan");
        int issued = 0;
        Api.Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Api.Response r = yan.post("/api/live/tickets", null);
            if (r.status() == 201) {
                issued++;
            } else {
                refused = r;
            }
        }
        assertTrue(refused != null, "200 tickets issued");
        assertEquals(429, refused.status());
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.header("Retry-After").isPresent());
        assertTrue(issued >= 10, "a normal client gets tickets: " + issued);
    }

    @Test
    void anonymousHandshakesFromOneAddressAreCutBeforeTheUpgrade() throws IOException {
        URI base = server.api().base();
        String from = "203.0.113.40";
        TestUser zed = TestUser.register(server.api(), "Zed");
        String ticket = zed.post("/api/live/tickets", null).expect(201).object().getString("ticket");
        int upgraded = 0;
        Handshake refused = null;
        for (int i = 0; i < 300 && refused == null; i++) {
            Handshake h = Handshake.attempt(base, "", from);
            if (h.status() == 101) {
                upgraded++;
            } else {
                refused = h;
            }
        }
        assertTrue(refused != null, "300 anonymous handshakes from one address were all upgraded");
        // A signed-in browser behind the same address still connects: its live ticket is not counted.
        assertEquals(101, Handshake.attempt(base, "?ticket=" + ticket, from).status());
        assertEquals(429, refused.status(), refused.toString());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.toString());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.toString());
        assertTrue(refused.body().contains("handshakes"), refused.body());
        assertTrue(upgraded >= 100, "a burst of visitors gets in: " + upgraded);
        // A ticket that opens nothing is no credential: it counts like an anonymous handshake (the bucket refills a
        // handshake every half a second, so one of a few quick ones is refused).
        boolean badTicketRefused = false;
        for (int i = 0; i < 10 && !badTicketRefused; i++) {
            badTicketRefused = Handshake.attempt(base, "?ticket=nope", from).status() == 429;
        }
        assertTrue(badTicketRefused, "handshakes with a ticket that opens nothing are counted");
        assertEquals(101, Handshake.attempt(base, "", "203.0.113.41").status(), "another address is not affected");
    }

    /** The head (and body, if any) of the answer to one WebSocket handshake, sent on its own connection. */
    private record Handshake(int status, Map<String, String> headers, String body) {

        static Handshake attempt(URI base, String query, String forwardedFor) throws IOException {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(("GET /ws" + query + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                        + base.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "X-Forwarded-For: " + forwardedFor + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                String[] head = head(in).split("\r\n");
                int status = Integer.parseInt(head[0].split(" ")[1]);
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (int i = 1; i < head.length; i++) {
                    headers.put(head[i].substring(0, head[i].indexOf(':')), head[i].substring(head[i].indexOf(':') + 1)
                            .strip());
                }
                int length = status == 101 ? 0 : Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
                return new Handshake(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
        }

        /** The answer's head, up to the empty line. */
        private static String head(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            for (int b = in.read(); b >= 0 && !(head.length() >= 3 && head.toString().endsWith("\r\n\r")
                    && b == '\n'); b = in.read()) {
                head.append((char) b);
            }
            return head.toString().strip();
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    private static List<JsonObject> errors(LiveClient c) {
        return c.frames("error");
    }

    private static List<String> corpus() {
        try {
            return Files.readAllLines(Path.of("src/test/resources/security/live-frames.txt"), StandardCharsets.UTF_8)
                    .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String head(String text) {
        return text.length() > 3000 ? text.substring(0, 3000) : text;
    }
}
