package org.creativecities.app.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploads on the packaged server: who may upload, which types, recognised from the bytes, images cleaned. */
@ExtendWith(SharedServer.class)
class MediaUploadIT {

    @Test
    void aVisitorIsRefusedBeforeTheBodyIsRead(PackagedServer server) {
        // A body of 5 MB is promised and never sent: the answer can only come from the head.
        MediaHttp.RawAnswer answer = new MediaHttp(server.baseUri()).headOnly(null, "image/png", 5_000_000);
        assertEquals(401, answer.status(), answer.head());
        assertTrue(answer.head().toLowerCase().contains("application/problem+json"), answer.head());
    }

    @Test
    void servedJpegHasNoExifNorGpsAndDecodes(PackagedServer server, Api api) {
        MediaHttp http = new MediaHttp(server.baseUri());
        TestUser ana = TestUser.register(api, "Ana Media");
        byte[] upload = TestImages.jpegWithGps(400, 300);
        byte[] camera = TestImages.CAMERA.getBytes(StandardCharsets.US_ASCII);
        assertTrue(TestImages.contains(upload, "Exif".getBytes(StandardCharsets.US_ASCII)), "the fixture has EXIF");
        assertTrue(TestImages.contains(upload, camera), "the fixture has the camera text");
        assertEquals(400, TestImages.decode(upload).getWidth(), "the fixture is a valid JPEG");

        JsonObject media = http.upload(ana, upload, "image/jpeg", "holiday.jpg").expect(201).json();
        assertEquals("image", media.getString("kind"));
        assertEquals("image/jpeg", media.getString("contentType"));
        assertEquals(400, media.getInt("width"));
        assertTrue(media.getBoolean("altRequired"));
        assertFalse(media.getBoolean("hasAlt"));

        MediaHttp.Answer served = http.get(media.getString("url")).expect(200);
        byte[] bytes = served.bytes();
        assertEquals("image/jpeg", served.header("Content-Type"));
        assertEquals("nosniff", served.header("X-Content-Type-Options"));
        assertTrue(served.header("Content-Disposition").startsWith("inline"), served.header("Content-Disposition"));
        assertFalse(TestImages.contains(bytes, "Exif".getBytes(StandardCharsets.US_ASCII)), "EXIF is gone");
        assertFalse(TestImages.contains(bytes, camera), "the camera text is gone");
        assertFalse(TestImages.contains(bytes, new byte[] {(byte) 0xFF, (byte) 0xE1}), "no APP1 segment is left");
        BufferedImage image = TestImages.decode(bytes);
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(bytes.length, media.getJsonNumber("size").longValue());
    }

    @Test
    void imagesGetThumbnailsThatAreNeverWiderThanTheImage(PackagedServer server, Api api) {
        MediaHttp http = new MediaHttp(server.baseUri());
        TestUser ben = TestUser.register(api, "Ben Thumbs");
        JsonObject wide = http.upload(ben, TestImages.encode(TestImages.picture(1400, 700, false), "png"),
                "image/png", null).expect(201).json();
        assertEquals(3, wide.getJsonArray("thumbnails").size());
        for (int width : new int[] {320, 640, 1280}) {
            MediaHttp.Answer thumbnail = http.get(wide.getString("url") + "?w=" + width).expect(200);
            assertEquals("image/png", thumbnail.header("Content-Type"));
            BufferedImage image = TestImages.decode(thumbnail.bytes());
            assertEquals(width, image.getWidth());
            assertEquals(width / 2, image.getHeight());
        }
        JsonObject narrow = http.upload(ben, TestImages.encode(TestImages.picture(500, 100, false), "png"),
                "image/png", null).expect(201).json();
        assertEquals(1, narrow.getJsonArray("thumbnails").size(), "only 320 is narrower than 500");
        assertEquals(500, TestImages.decode(http.get(narrow.getString("url") + "?w=640").expect(200).bytes())
                .getWidth(), "an image no wider than the width is served as it is");
        assertTrue(http.get(narrow.getString("url") + "?w=333").expect(400).text().contains("320, 640, 1280"));
    }

    @Test
    void everyAcceptedTypeIsRecognisedAndImagesAreReencoded(PackagedServer server, Api api) {
        MediaHttp http = new MediaHttp(server.baseUri());
        TestUser chen = TestUser.register(api, "Chen Types");
        Map<String, String> served = new java.util.LinkedHashMap<>();
        record Case(byte[] bytes, String declared, String servedAs, String kind) {
        }
        for (Case c : new Case[] {
                new Case(MediaHttp.fixture("sample.mp3"), "audio/mpeg", "audio/mpeg", "audio"),
                new Case(MediaHttp.fixture("sample.ogg"), "audio/ogg", "audio/ogg", "audio"),
                new Case(MediaHttp.fixture("sample.wav"), "audio/wav", "audio/wav", "audio"),
                new Case(MediaHttp.fixture("sample.mp4"), "video/mp4", "video/mp4", "video"),
                new Case(MediaHttp.fixture("sample.webm"), "video/webm", "video/webm", "video"),
                new Case(MediaHttp.pdf("types"), "application/pdf", "application/pdf", "document"),
                new Case(TestImages.encode(TestImages.picture(60, 40, false), "gif"), "image/gif", "image/png",
                        "image"),
                new Case(MediaHttp.fixture("sample.webp"), "image/webp", "image/jpeg", "image"),
                new Case(TestImages.encode(TestImages.picture(60, 40, true), "png"), "image/png", "image/png",
                        "image")}) {
            JsonObject media = http.upload(chen, c.bytes(), c.declared(), null).expect(201).json();
            assertEquals(c.kind(), media.getString("kind"), c.declared());
            assertEquals(c.servedAs(), media.getString("contentType"), c.declared());
            MediaHttp.Answer answer = http.get(media.getString("url")).expect(200);
            served.put(c.declared(), answer.header("Content-Type"));
            assertEquals(c.servedAs(), answer.header("Content-Type"), c.declared());
            if (!c.kind().equals("image")) {
                assertArrayEquals(c.bytes(), answer.bytes(), c.declared() + " is served as uploaded");
            }
        }
        assertEquals(9, served.size());
    }

    @Test
    void theTypeComesFromTheBytesAndAMismatchIsRefused(PackagedServer server, Api api) {
        MediaHttp http = new MediaHttp(server.baseUri());
        TestUser dia = TestUser.register(api, "Dia Types");
        byte[] png = TestImages.encode(TestImages.picture(30, 30, false), "png");
        MediaHttp.Answer mismatch = http.upload(dia, png, "image/jpeg", "photo.jpg").expect(415);
        assertEquals("application/problem+json", mismatch.header("Content-Type"));
        assertEquals("The file is a PNG image but was declared as image/jpeg.", mismatch.json().getString("detail"));
        assertEquals("/problems/media-type-mismatch", mismatch.json().getString("type"));

        String text = http.upload(dia, "just text".getBytes(StandardCharsets.UTF_8), "image/png", "x.png")
                .expect(415).json().getString("detail");
        assertTrue(text.startsWith("The file is not a PNG image: its content was recognised as text/plain"), text);
        assertTrue(http.upload(dia, png, "application/zip", null).expect(415).json().getString("detail")
                .startsWith("Files of type application/zip are not accepted."));
        assertTrue(http.upload(dia, png, null, null).expect(415).json().getString("detail")
                .startsWith("Send the file's type as the Content-Type header"));
        assertEquals(400, http.upload(dia, new byte[0], "image/png", null).status());
        byte[] broken = java.util.Arrays.copyOf(png, 60);
        MediaHttp.Answer unreadable = http.upload(dia, broken, "image/png", null);
        assertEquals(422, unreadable.status(), unreadable.text());
    }

    @Test
    void identicalFilesAreStoredOnceAndOutliveOneOfTheirUploads(PackagedServer server, Api api) throws IOException {
        MediaHttp http = new MediaHttp(server.baseUri());
        TestUser eva = TestUser.register(api, "Eva Dedup");
        TestUser fil = TestUser.register(api, "Fil Dedup");
        byte[] pdf = MediaHttp.pdf("dedup-" + System.nanoTime());
        JsonObject first = http.upload(eva, pdf, "application/pdf", "report.pdf").expect(201).json();
        JsonObject second = http.upload(fil, pdf, "application/pdf", null).expect(201).json();
        assertNotEquals(first.getString("id"), second.getString("id"));
        assertEquals(22, first.getString("id").length());
        String hash = sha256(pdf);
        Path media = server.dataDir().resolve("media");
        assertEquals(1, filesNamed(media, hash), "one stored file for two uploads");

        assertEquals(403, http.delete(fil, first.getString("id")).status(), "only the owner deletes");
        http.delete(eva, first.getString("id")).expect(204);
        http.get(first.getString("url")).expect(404);
        assertArrayEquals(pdf, http.get(second.getString("url")).expect(200).bytes());
        assertEquals(1, filesNamed(media, hash), "the file stays while another upload refers to it");
        http.delete(fil, second.getString("id")).expect(204);
        assertEquals(0, filesNamed(media, hash), "the last reference gone, the file goes");
    }

    @Test
    void concurrentUploadsOfTheSameBytesShareOneFile(PackagedServer server, Api api) throws Exception {
        MediaHttp http = new MediaHttp(server.baseUri());
        byte[] pdf = MediaHttp.pdf("concurrent-" + System.nanoTime());
        java.util.List<TestUser> people = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(TestUser.register(api, "Concurrent " + i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (TestUser p : people) {
                ids.add(pool.submit(() -> http.uploadId(p, pdf, "application/pdf")));
            }
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> id : ids) {
                distinct.add(id.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(4, distinct.size(), "four uploads, four media");
            assertEquals(1, filesNamed(server.dataDir().resolve("media"), sha256(pdf)), "one stored file");
            for (String id : distinct) {
                assertArrayEquals(pdf, http.get("/api/media/" + id).expect(200).bytes());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPdfIsAnAttachmentAndRangesAreServed(PackagedServer server, Api api) {
        MediaHttp http = new MediaHttp(server.baseUri());
        TestUser gus = TestUser.register(api, "Gus Ranges");
        JsonObject pdf = http.upload(gus, MediaHttp.pdf("attachment"), "application/pdf", "Plan été.pdf")
                .expect(201).json();
        String disposition = http.get(pdf.getString("url")).expect(200).header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; filename=\"Plan _t_.pdf\""), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''Plan%20%C3%A9t%C3%A9.pdf"), disposition);

        byte[] video = MediaHttp.fixture("sample.mp4");
        JsonObject mp4 = http.upload(gus, video, "video/mp4", null).expect(201).json();
        String url = mp4.getString("url");
        MediaHttp.Answer whole = http.get(url).expect(200);
        assertEquals("bytes", whole.header("Accept-Ranges"));
        assertTrue(whole.header("Cache-Control").contains("immutable"));
        String etag = whole.header("ETag");

        MediaHttp.Answer part = http.get(url, "Range", "bytes=100-199").expect(206);
        assertEquals("bytes 100-199/" + video.length, part.header("Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(video, 100, 200), part.bytes());
        MediaHttp.Answer tail = http.get(url, "Range", "bytes=-10").expect(206);
        assertArrayEquals(java.util.Arrays.copyOfRange(video, video.length - 10, video.length), tail.bytes());
        MediaHttp.Answer open = http.get(url, "Range", "bytes=" + (video.length - 5) + "-").expect(206);
        assertEquals(5, open.bytes().length);

        MediaHttp.Answer outside = http.get(url, "Range", "bytes=" + video.length + "-").expect(416);
        assertEquals("bytes */" + video.length, outside.header("Content-Range"));
        assertEquals("application/problem+json", outside.header("Content-Type"));
        assertEquals(video.length, http.get(url, "Range", "bytes=0-1", "If-Range", "\"other\"").expect(200)
                .bytes().length, "a stale If-Range gets the whole file");
        assertEquals(0, http.get(url, "If-None-Match", etag).expect(304).bytes().length);
        http.get("/api/media/AAAAAAAAAAAAAAAAAAAAAA").expect(404);
        http.get("/api/media/not-an-id").expect(404);
    }

    @Test
    void onlyTheOwnerDescribesAnImage(PackagedServer server, Api api) {
        MediaHttp http = new MediaHttp(server.baseUri());
        TestUser hana = TestUser.register(api, "Hana Alt");
        TestUser ivo = TestUser.register(api, "Ivo Alt");
        String id = http.uploadId(hana, TestImages.encode(TestImages.picture(50, 50, false), "png"), "image/png");
        ivo.patch("/api/media/" + id, Api.json("alt", "Not mine")).expect(403);
        hana.patch("/api/media/" + id, Api.json("alt", "  ")).expect(400);
        api.request("PATCH", "/api/media/" + id).body(Api.json("alt", "x")).send().expect(401);
        JsonObject described = hana.patch("/api/media/" + id, Api.json("alt", "An orange disc on blue"))
                .expect(200).object();
        assertTrue(described.getBoolean("hasAlt"));
        assertEquals("An orange disc on blue", api.get("/api/media/" + id + "/info").expect(200).object()
                .getString("alt"));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long filesNamed(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).count();
        }
    }
}
