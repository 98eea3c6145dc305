package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that goes away in the middle of its request body is not a server failure: the server logs one short line,
 * no stack trace, answers (to nobody) with a 4xx, and leaves no staged upload behind ({@code plugins/.staging}).
 * Shown for a plugin upload as administrator (streamed to a file) and for a JSON body (read by the strict reader),
 * each with an orderly close (FIN) and with a reset (RST).
 */
@ExtendWith(SharedServer.class)
class Web2ClientAbortIT {

    /** What an upload declares and sends before it goes: well under the upload limit. */
    private static final int UPLOAD_DECLARED = 5 * 1024 * 1024;
    private static final int UPLOAD_SENT = 1024 * 1024;
    /** What a JSON body declares and sends: under {@code ccc.limits.request-body-max}, so it is read. */
    private static final int JSON_DECLARED = 900 * 1024;
    private static final int JSON_SENT = 100 * 1024;
    private static final Pattern ACCESS_LINE = Pattern.compile(
            "\\{\"event\":\"http\",[^}]*\"method\":\"(\\w+)\",\"path\":\"([^\"]+)\",\"status\":(\\d+)");

    /** A request head promising {@code declared} bytes. */
    private static String head(String path, String type, String token, int declared) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + TestUser.freshIp()
                + "\r\nContent-Type: " + type + "\r\nContent-Length: " + declared + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    /** Sends the head and {@code sent} bytes of the body, then closes the connection ({@code reset}: with an RST). */
    private static void abandon(PackagedServer server, String head, int sent, byte fill, boolean reset)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, fill);
            for (int written = 0; written < sent; written += block.length) {
                out.write(block, 0, Math.min(block.length, sent - written));
            }
            out.flush();
            // Let the server read what was sent, so that it is waiting for the rest when the client goes.
            Thread.sleep(1500);
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"upload FIN", "upload RST", "json FIN", "json RST"})
    void aClientThatGoesAwayMidBodyIsNoServerFailure(String name, PackagedServer server) throws Exception {
        boolean upload = name.startsWith("upload");
        String path = upload ? "/api/admin/plugins" : "/api/accounts";
        String token = upload ? TestUser.admin(server).token() : null;
        Path staging = server.pluginsDir().resolve(".staging");
        int before = server.logText().length();

        if (upload) {
            abandon(server, head(path, "application/octet-stream", token, UPLOAD_DECLARED), UPLOAD_SENT, (byte) 0,
                    name.endsWith("RST"));
        } else {
            abandon(server, head(path, "application/json", null, JSON_DECLARED), JSON_SENT, (byte) ' ',
                    name.endsWith("RST"));
        }

        Integer status = awaitAccessLine(server, before, "POST", path);
        String grown = server.logText().substring(before);
        assertTrue(status != null, name + ": the request has its access-log line:\n" + head(grown));
        assertTrue(status >= 400 && status < 500, name + ": a client error, not " + status + ":\n" + head(grown));
        assertFalse(grown.contains("\tat "), name + ": no stack trace for a client that went away:\n" + head(grown));
        assertFalse(grown.contains("SEVERE"), name + ": nothing severe:\n" + head(grown));
        assertEquals(List.of(), awaitEmpty(staging), name + ": the staged upload is deleted");
    }

    /**
     * A request pipelined behind one that the container refuses and answers with {@code Connection: close} is still
     * run; its answer then meets a closed connection, which is no server failure either.
     */
    @Test
    void anAnswerToAClosedConnectionIsNoServerFailure(PackagedServer server) throws Exception {
        int before = server.logText().length();
        String marker = "/api/fields?q=gone-" + System.nanoTime();
        WebRawHttp.send(server.port(), ("GET /api/cities/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET " + marker + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                Duration.ofSeconds(5));
        awaitAccessLine(server, before, "GET", "/api/fields");
        String grown = server.logText().substring(before);
        assertFalse(grown.contains("\tat "), "no stack trace for a client that went away:\n" + head(grown));
    }

    /** The status of the first access-log line of {@code method path} after {@code offset}, waiting up to 20 s. */
    private static Integer awaitAccessLine(PackagedServer server, int offset, String method, String path)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            Matcher m = ACCESS_LINE.matcher(server.logText().substring(offset));
            while (m.find()) {
                if (m.group(1).equals(method) && m.group(2).equals(path)) {
                    // Whatever else the request causes is logged at the same time.
                    Thread.sleep(500);
                    return Integer.parseInt(m.group(3));
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** The files left in the staging folder once it empties, or after 10 s. */
    private static List<String> awaitEmpty(Path staging) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        do {
            left = list(staging);
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return left;
    }

    private static List<String> list(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String head(String text) {
        return text.length() > 6000 ? text.substring(0, 6000) + "…" : text;
    }
}
