package org.creativecities.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Random;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.OwnServer;
import org.creativecities.app.testkit.OwnServerLane;

/**
 * Per-kind size limits, the per-account quota and the upload rate, set through their config keys (as environment
 * variables) on a server of the own-server lane that other classes share (they upload no media). The video limit
 * is above the core's request-body limit (1 MB), which media uploads may pass.
 */
@OwnServerLane
class MediaLimitsIT {

    private static final int KB = 1024;
    private static final int MB = 1024 * 1024;
    private static PackagedServer server;
    private static MediaHttp http;

    /**
     * A server of the own-server lane ({@link OwnServer#COMBINED}) with images of at most 20 KB, videos of at most
     * 3 MB, 4 MB per account, 4 uploads a minute per account and 100 KB per plugin.
     */
    @BeforeAll
    static void boot() {
        server = OwnServer.COMBINED.get();
        http = new MediaHttp(server.baseUri());
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

    /**
     * Plugin API 1.3: a plugin's files go through the same checks as members' uploads and count against the plugin's
     * own quota; a refused file is the caller's bad input, never the plugin's failure; a plugin finds a member's
     * upload by its id but cannot delete it.
     */
    @Test
    void aPluginStoresFilesUnderItsOwnQuotaWithTheChecksOfEveryUpload() {
        PluginAdmin admin = PluginAdmin.of(server);
        admin.install(PluginJars.variant("files", java.util.Map.of("Plugin-Id", "it-files")));
        TestUser dee = TestUser.register(server.api(), "Dee Plugin Files");
        byte[] sound = MediaHttp.concat(MediaHttp.fixture("sample.mp3"), new byte[60 * KB]);
        JsonObject stored = http.post(dee, "/api/plugins/it-files/files?name=jingle.mp3&type=audio/mpeg", sound,
                "application/octet-stream").expect(201).json();
        assertEquals("audio", stored.getString("kind"));
        assertEquals("audio/mpeg", stored.getString("contentType"));
        assertTrue(stored.getBoolean("ownFile"));
        assertEquals(sound.length, http.get(stored.getString("url")).expect(200).bytes().length);

        MediaHttp.Answer wrongType = http.post(dee, "/api/plugins/it-files/files?type=audio/mpeg",
                "not a sound".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/octet-stream");
        assertEquals(415, wrongType.status(), wrongType.text());
        assertEquals("application/problem+json", wrongType.header("Content-Type"));
        MediaHttp.Answer overQuota = http.post(dee, "/api/plugins/it-files/files?type=audio/mpeg", sound,
                "application/octet-stream");
        assertEquals(507, overQuota.status(), overQuota.text());
        assertTrue(overQuota.json().getString("detail").contains("100 KB"), overQuota.text());
        JsonObject plugin = admin.plugin("it-files");
        assertEquals("ok", plugin.getString("health"), "the caller's bad files do not count against the plugin: "
                + plugin);

        // A member's upload is found by its id, but only the plugin's own files are its to delete.
        String members = http.upload(dee, MediaHttp.fixture("sample.ogg"), "audio/ogg", "mine.ogg").expect(201).json()
                .getString("id");
        JsonObject found = http.get("/api/plugins/it-files/files/" + members).expect(200).json();
        assertEquals(false, found.getBoolean("ownFile"));
        assertEquals(404, http.deletePath(dee, "/api/plugins/it-files/files/" + members).status());
        http.get("/api/media/" + members).expect(200);
        assertEquals(204, http.deletePath(dee, "/api/plugins/it-files/files/" + stored.getString("id")).status());
        assertEquals(404, http.get(stored.getString("url")).status());
        admin.remove("it-files");
    }
}
