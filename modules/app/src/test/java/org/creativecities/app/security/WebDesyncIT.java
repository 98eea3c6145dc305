package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling over one keep-alive connection (issue 12, High 4): a body the server does not read, or reads
 * differently from a proxy in front, must never be parsed as a second request. Every case of
 * {@code security/web-desync-cases.txt} gets exactly one answer, a 4xx, and the connection is closed.
 */
@ExtendWith(SharedServer.class)
class WebDesyncIT {

    /** The smuggled request; {NONCE} makes its path unique, so the access log shows whether it ran. */
    private static final String SMUGGLED = "GET /api/smuggled-{NONCE} HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final Duration QUIET = Duration.ofSeconds(5);

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        for (String line : resource("security/web-desync-cases.txt").split("\n", -1)) {
            if (line.startsWith("### ")) {
                if (name != null) {
                    out.add(Arguments.of(name, request(lines)));
                }
                name = line.substring(4).trim();
                lines = new ArrayList<>();
            } else if (name != null) {
                lines.add(line);
            }
        }
        if (name != null) {
            out.add(Arguments.of(name, request(lines)));
        }
        return out.stream();
    }

    private static String request(List<String> lines) {
        List<String> body = new ArrayList<>(lines);
        if (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            // The line end before the next "###" (or the end of the file) is not part of the request.
            body.remove(body.size() - 1);
        }
        return String.join("\r\n", body);
    }

    /** The case's request with a smuggled request whose path carries {@code nonce}. */
    private static String withSmuggled(String request, String nonce) {
        String smuggled = SMUGGLED.replace("{NONCE}", nonce);
        int length = smuggled.getBytes(StandardCharsets.US_ASCII).length;
        return request.replace("{SMUGGLED_LEN}", String.valueOf(length))
                .replace("{SMUGGLED_HEX}", Integer.toHexString(length))
                .replace("{SMUGGLED}", smuggled);
    }

    static String resource(String name) {
        try (InputStream in = WebDesyncIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noSecondRequestIsAnswered(String name, String request, PackagedServer server) {
        String nonce = Long.toHexString(System.nanoTime());
        WebRawHttp.Exchange exchange = WebRawHttp.send(server.port(),
                withSmuggled(request, nonce).getBytes(StandardCharsets.ISO_8859_1), QUIET);
        List<Integer> statuses = exchange.statuses();
        assertEquals(1, statuses.size(), name + ": expected one answer, got " + statuses + ":\n" + exchange.text());
        int status = statuses.get(0);
        assertTrue(status >= 400 && status < 500, name + ": expected a 4xx, got:\n" + exchange.text());
        assertTrue(exchange.closedByServer(), name + ": the connection was kept open with unread bytes:\n"
                + exchange.text());
        assertFalse(ranOnTheServer(server, nonce), name + ": the smuggled request ran, though its answer was lost");
    }

    /**
     * Whether the access log shows that the smuggled request ran: a marker request is sent afterwards on a new connection,
     * and once the (asynchronous) log shows the marker it would show the smuggled request too.
     */
    private static boolean ranOnTheServer(PackagedServer server, String nonce) {
        String marker = "/api/desync-marker-" + nonce;
        WebRawHttp.send(server.port(), "GET " + marker + " HTTP/1.1\nHost: localhost\nConnection: close\n\n", QUIET);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = server.logText();
        while (!log.contains(marker) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            log = server.logText();
        }
        assertTrue(log.contains(marker), "the access log shows the marker request");
        try {
            // A smuggled request runs on another thread, and may be logged just after the marker.
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // Refused by the first filter (400), it did not run; run, it is an unknown path (404).
        return server.logText().contains("\"path\":\"/api/smuggled-" + nonce + "\",\"status\":404");
    }

    @Test
    void traceIsRefusedAsAProblem(PackagedServer server) {
        WebRawHttp.Exchange exchange = WebRawHttp.send(server.port(),
                "TRACE /api/fields HTTP/1.1\nHost: localhost\nConnection: close\n\n", QUIET);
        assertEquals(List.of(405), exchange.statuses(), exchange.text());
        assertEquals("application/problem+json", exchange.header("Content-Type"), exchange.text());
    }

    @Test
    void aPipelinedRequestAfterAFullyReadBodyIsStillServed(PackagedServer server) {
        String json = "{\"email\":\"pipelined." + System.nanoTime() + "@example.org\",\"displayName\":\"Pipe\","
                + "\"password\":\"" + TestUser.PASSWORD + "\"}";
        String first = "POST /api/accounts HTTP/1.1\nHost: localhost\nContent-Type: application/json\n"
                + "X-Forwarded-For: " + TestUser.freshIp() + "\nContent-Length: " + json.length() + "\n\n" + json;
        WebRawHttp.Exchange exchange = WebRawHttp.send(server.port(),
                first + "GET /api/fields HTTP/1.1\nHost: localhost\nConnection: close\n\n", QUIET);
        assertEquals(List.of(202, 200), exchange.statuses(),
                "keep-alive still works for well-framed requests:\n" + exchange.text());
    }
}
