package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17: the server compresses what it sends when the client accepts gzip (the audit found nothing compressed on
 * {@code /ui}, {@code /webjars} or {@code /api}): the page shell, scripts, styles and JSON, each with
 * {@code Vary: Accept-Encoding}, and the same bytes once unpacked. A client that does not ask gets the plain body.
 * Tiny bodies are sent as they are. JSON is compressed too: the API's credentials are bearer tokens sent by the
 * page's script, never cookies, so a third-party page cannot make a browser send authenticated requests whose
 * compressed sizes would reveal a secret (BREACH).
 */
@ExtendWith(SharedServer.class)
class CompressionIT {

    /**
     * HTTP/1.1, as browsers speak to a server without TLS: over HTTP/2 (which Java's client reaches by an h2c upgrade)
     * Payara's Grizzly does not compress; behind TLS a front proxy compresses (docs/admin-guide.md).
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<byte[]> get(PackagedServer server, String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(30));
        if (gzip) {
            request.header("Accept-Encoding", "gzip, deflate, br");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static void compressed(PackagedServer server, String path, String type) throws Exception {
        HttpResponse<byte[]> plain = get(server, path, false);
        assertEquals(200, plain.statusCode(), path);
        assertEquals(Optional.empty(), plain.headers().firstValue("Content-Encoding"), "not asked, not packed: " + path);
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").contains(type), path + " is " + type);

        HttpResponse<byte[]> packed = get(server, path, true);
        assertEquals(200, packed.statusCode(), path);
        assertEquals(Optional.of("gzip"), packed.headers().firstValue("Content-Encoding"), path);
        assertTrue(packed.headers().allValues("Vary").stream().anyMatch(v -> v.toLowerCase().contains("accept-encoding")),
                "caches keep the two forms apart: " + path + " " + packed.headers().map());
        byte[] unpacked = gunzip(packed.body());
        assertArrayEquals(plain.body(), unpacked, "the same bytes once unpacked: " + path);
        assertTrue(packed.body().length < plain.body().length, path + ": " + packed.body().length + " bytes packed, "
                + plain.body().length + " plain");
    }

    @Test
    void pagesScriptsStylesAndJsonAreSentCompressedToWhoAsks(PackagedServer server) throws Exception {
        compressed(server, "/", "text/html");
        compressed(server, "/ui/core/live.js", "javascript");
        compressed(server, "/api/stats/map", "application/json");
        compressed(server, "/api/cities", "application/json");
    }

    @Test
    void aTinyBodyIsSentAsItIs(PackagedServer server) throws Exception {
        HttpResponse<byte[]> tiny = get(server, "/health/live", true);
        assertEquals(200, tiny.statusCode());
        assertTrue(tiny.body().length < 1024, "a small answer: " + tiny.body().length);
        assertEquals(Optional.empty(), tiny.headers().firstValue("Content-Encoding"));
    }
}
