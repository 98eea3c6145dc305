package org.creativecities.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Random;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-kind size limits, the per-account quota and the upload rate, set through their config keys (as environment
 * variables) on a server of its own. The video limit is above the core's request-body limit (1 MB), which media
 * uploads may pass.
 */
class MediaLimitsIT {

    private static final int KB = 1024;
    private static final int MB = 1024 * 1024;
    private static PackagedServer server;
    private static MediaHttp http;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("media-limits")
                .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                .env("CCC_MEDIA_MAX_BYTES_IMAGE", String.valueOf(20 * KB))
                .env("CCC_MEDIA_MAX_BYTES_VIDEO", String.valueOf(3 * MB))
                .env("CCC_MEDIA_QUOTA_PER_ACCOUNT", String.valueOf(4 * MB))
                .env("CCC_MEDIA_RATE_UPLOADS", "4")
                .start();
        http = new MediaHttp(server.baseUri());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** An MP4 of about {@code size} bytes: the sample, then padding, which players and the recogniser ignore. */
    private static byte[] video(int size, long seed) {
        byte[] sample = MediaHttp.fixture("sample.mp4");
        byte[] padding = new byte[size - sample.length];
        new Random(seed).nextBytes(padding);
        return MediaHttp.concat(sample, padding);
    }

    @Test
    void aDeclaredLengthOverTheImageLimitIsRefusedBeforeTheBody() {
        TestUser ana = TestUser.register(server.api(), "Ana Limits");
        MediaHttp.RawAnswer answer = http.headOnly(ana, "image/png", 20 * KB + 1);
        assertEquals(413, answer.status(), answer.head());
        assertTrue(answer.head().toLowerCase().contains("application/problem+json"), answer.head());
        assertEquals("Images may be at most 20 KB.", answer.json().getString("detail"));
        assertEquals(401, http.headOnly(null, "image/png", 20 * KB + 1).status(), "a visitor learns nothing more");
    }

    @Test
    void aChunkedBodyIsCutAtItsKindsLimit() {
        TestUser ben = TestUser.register(server.api(), "Ben Limits");
        byte[] png = new byte[64 * KB];
        new Random(1).nextBytes(png);
        MediaHttp.Answer answer = http.uploadChunked(ben, png, "image/png").expect(413);
        assertEquals("Images may be at most 20 KB.", answer.json().getString("detail"));
        assertEquals("application/problem+json", answer.header("Content-Type"));
    }

    @Test
    void aVideoLargerThanTheCoresBodyLimitIsAcceptedWithinItsOwn() {
        TestUser chen = TestUser.register(server.api(), "Chen Limits");
        byte[] video = video(MB + MB / 2, 2);
        JsonObject media = http.upload(chen, video, "video/mp4", "long.mp4").expect(201).json();
        assertEquals(video.length, media.getJsonNumber("size").longValue());
        assertEquals(video.length, http.get(media.getString("url")).expect(200).bytes().length);
        assertEquals("Videos may be at most 3 MB.", http.headOnly(chen, "video/mp4", 3 * MB + 1).json()
                .getString("detail"));
    }

    @Test
    void theQuotaIsRefusedWith507AndFreedByDeleting() {
        TestUser dia = TestUser.register(server.api(), "Dia Quota");
        String first = http.uploadId(dia, video(2 * MB, 4), "video/mp4");
        http.uploadId(dia, video(MB + MB / 2, 5), "video/mp4");
        MediaHttp.RawAnswer full = http.headOnly(dia, "video/mp4", MB);
        assertEquals(507, full.status(), full.head());
        assertEquals("/problems/quota-exceeded", full.json().getString("type"));
        assertTrue(full.json().getString("detail").startsWith("Your media may take at most 4 MB in all, and only "
                + "512 KB remain"), full.body());
        http.delete(dia, first).expect(204);
        http.upload(dia, video(MB, 6), "video/mp4", null).expect(201);
    }

    @Test
    void aChunkedUploadIsCutAtTheRemainingQuota() {
        TestUser gus = TestUser.register(server.api(), "Gus Quota");
        http.uploadId(gus, video(2 * MB, 7), "video/mp4");
        http.uploadId(gus, video(MB + MB / 2, 8), "video/mp4");
        MediaHttp.RawAnswer full = http.chunkedOverSocket(gus, "video/mp4", video(MB, 9));
        assertEquals(507, full.status(), full.head());
        assertEquals("/problems/quota-exceeded", full.json().getString("type"));
    }

    @Test
    void uploadsAreRateLimitedPerAccount() {
        TestUser eva = TestUser.register(server.api(), "Eva Rate");
        for (int i = 0; i < 4; i++) {
            http.upload(eva, MediaHttp.pdf("rate " + i), "application/pdf", null).expect(201);
        }
        MediaHttp.Answer refused = http.upload(eva, MediaHttp.pdf("rate 5"), "application/pdf", null).expect(429);
        assertNotNull(refused.header("Retry-After"));
        assertTrue(refused.json().getString("detail").startsWith("You have uploaded 4 files within 1h"),
                refused.text());
        TestUser fil = TestUser.register(server.api(), "Fil Rate");
        http.upload(fil, MediaHttp.pdf("rate other"), "application/pdf", null).expect(201);
    }
}
