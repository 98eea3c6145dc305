package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.creativecities.app.testkit.OwnServer;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unauthenticated memory exhaustion (issue 12, High 3): who is asking is checked before any body is read, every
 * body is capped before it is read (declared length) and while it is read (chunked), uploads go to a file, and a
 * zip bomb is refused quickly. Not on the shared server, as the floods would hurt the classes beside them: on
 * the own-server lane's {@link OwnServer#PLAIN} server, which no other class uses while this one runs.
 */
@OwnServerLane
class WebUploadLimitsIT {

    private static final long FIFTY_MIB = 50L * 1024 * 1024;
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = OwnServer.PLAIN.get();
    }

    private static String headers(String method, String path, String token, long length, String type) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + TestUser.freshIp()
                + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    /** Sends only the head of a request that promises a body, and returns what comes back without the body. */
    private static WebRawHttp.Exchange headOnly(String method, String path, String token, long length, String type) {
        return WebRawHttp.send(server.port(), headers(method, path, token, length, type)
                .getBytes(StandardCharsets.US_ASCII), QUIET);
    }

    @Test
    void aVisitorsUploadIsRefusedWithoutWaitingForTheBody() {
        WebRawHttp.Exchange e = headOnly("POST", "/api/admin/plugins", null, FIFTY_MIB, "application/octet-stream");
        assertEquals(List.of(401), e.statuses(), e.text());
        assertTrue(e.text().contains("application/problem+json"), e.text());
        assertTrue(e.closedByServer(), "the connection is closed rather than the body drained: " + e.text());
    }

    @Test
    void aMembersUploadIsRefusedWithoutWaitingForTheBody() {
        TestUser member = TestUser.register(server.api(), "Upload Member");
        WebRawHttp.Exchange e = headOnly("POST", "/api/admin/plugins", member.token(), FIFTY_MIB,
                "application/octet-stream");
        assertEquals(List.of(403), e.statuses(), e.text());
        e = headOnly("POST", "/api/admin/plugins/film/upgrade", member.token(), FIFTY_MIB, "application/octet-stream");
        assertEquals(List.of(403), e.statuses(), e.text());
    }

    @Test
    void anAdministratorsUploadAboveTheCapIs413BeforeTheBody() {
        TestUser admin = TestUser.admin(server);
        WebRawHttp.Exchange e = headOnly("POST", "/api/admin/plugins", admin.token(), FIFTY_MIB + 1,
                "application/octet-stream");
        assertEquals(List.of(413), e.statuses(), e.text());
        assertTrue(e.closedByServer(), e.text());
    }

    @Test
    void anyPathRefusesADeclaredBodyAboveTheLimitBeforeReadingIt() {
        for (String path : List.of("/api/sessions", "/api/nosuch", "/", "/ui/index.html", "/ws/live")) {
            WebRawHttp.Exchange e = headOnly("POST", path, null, 2L * 1024 * 1024, "application/json");
            assertEquals(List.of(413), e.statuses(), path + ": " + e.text());
            assertTrue(e.text().contains("application/problem+json"), path + ": " + e.text());
        }
    }

    @Test
    void aChunkedJsonBodyIs413OnceItGrowsPastTheLimit() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) QUIET.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + TestUser.freshIp() + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                out.write("b\r\n{\"email\":\"a\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 40; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the whole body is sent; the answer is what counts.
            }
            WebRawHttp.Exchange e = WebRawHttp.readAll(socket.getInputStream());
            assertEquals(413, e.statuses().get(0), e.text());
            assertTrue(e.text().contains("application/problem+json"), e.text());
        }
    }

    @Test
    void parallelAnonymousFiftyMebibyteUploadsLeaveTheServerServing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uploads.add(pool.submit(() -> streamAnonymousUpload(FIFTY_MIB)));
            }
            for (Future<Integer> upload : uploads) {
                int status = upload.get(120, TimeUnit.SECONDS);
                assertTrue(status == 401 || status == -1, "an anonymous upload got " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> fields = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/fields"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fields.statusCode(), fields.body());
        assertFalse(server.logText().contains("OutOfMemoryError"), "the server ran out of memory");
    }

    /** Streams a body of zeros to the install endpoint without a token; the status, or -1 if the server hung up. */
    private static int streamAnonymousUpload(long size) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(headers("POST", "/api/admin/plugins", null, size, "application/octet-stream")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            try {
                for (long sent = 0; sent < size; sent += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, size - sent));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // Refused and closed before the body was sent: what we want.
            }
            List<Integer> statuses = WebRawHttp.readAll(socket.getInputStream()).statuses();
            return statuses.isEmpty() ? -1 : statuses.get(0);
        }
    }

    @Test
    void aZipBombIsRefusedQuickly(@TempDir Path dir) throws Exception {
        TestUser admin = TestUser.admin(server);
        for (String bombed : List.of("META-INF/MANIFEST.MF", "META-INF/extensions.idx", "data/zeros.bin")) {
            Path bomb = zipBomb(dir.resolve("bomb-" + bombed.hashCode() + ".jar"), bombed, 600L * 1024 * 1024);
            assertTrue(Files.size(bomb) < 5L * 1024 * 1024, "a small file: " + Files.size(bomb));
            HttpResponse<String> r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CLIENT.send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/api/admin/plugins"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + admin.token())
                            .header("X-Forwarded-For", admin.ip())
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofFile(bomb)).build(),
                    HttpResponse.BodyHandlers.ofString()), bombed);
            assertTrue(r.statusCode() == 413 || r.statusCode() == 400, bombed + ": " + r.statusCode() + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    bombed + ": " + r.body());
        }
        HttpResponse<String> fields = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/fields"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fields.statusCode());
        assertFalse(server.logText().contains("OutOfMemoryError"), "the server ran out of memory");
        assertTrue(listPlugins(admin).contains("\"film\""), "the installed plugins are untouched");
    }

    private static String listPlugins(TestUser admin) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/admin/plugins"))
                .header("Authorization", "Bearer " + admin.token()).header("X-Forwarded-For", admin.ip())
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * A plugin jar whose entry {@code bombed} inflates to {@code size} bytes (a valid manifest comes first unless the
     * manifest is the bomb).
     */
    static Path zipBomb(Path file, String bombed, long size) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            String manifest = "Manifest-Version: 1.0\r\nPlugin-Id: bomb\r\nPlugin-Version: 1.0.0\r\n"
                    + "Plugin-Requires: *\r\n";
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(manifest.getBytes(StandardCharsets.US_ASCII));
            if (bombed.equals("META-INF/MANIFEST.MF")) {
                zip.write("X-Padding: ".getBytes(StandardCharsets.US_ASCII));
                fill(zip, size, (byte) 'a');
                zip.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(bombed));
                fill(zip, size, bombed.endsWith(".idx") ? (byte) 'a' : 0);
            }
            zip.closeEntry();
        }
        return file;
    }

    private static void fill(OutputStream out, long size, byte value) throws IOException {
        byte[] block = new byte[1024 * 1024];
        java.util.Arrays.fill(block, value);
        for (long written = 0; written < size; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, size - written));
        }
    }
}
