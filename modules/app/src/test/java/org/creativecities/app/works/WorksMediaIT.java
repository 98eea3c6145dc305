package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Works using real uploads: string media ids, who may attach what, alt text before publishing, media in the zip. */
@ExtendWith(SharedServer.class)
public class WorksMediaIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UNKNOWN = "AAAAAAAAAAAAAAAAAAAAAA";
    private static int shade = 10;

    /** Uploads a fresh PNG (a different one each call) as {@code user}; its media id. */
    public static String uploadImage(PackagedServer server, TestUser user) throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(shade++ % 256, 90, 160));
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/media"))
                .header("Authorization", "Bearer " + user.token()).header("X-Forwarded-For", user.ip())
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return Api.parse(r.body()).asJsonObject().getString("id");
    }

    static void describe(TestUser owner, String mediaId) {
        owner.patch("/api/media/" + mediaId, Api.json("alt", "A blue rectangle")).expect(200);
    }

    private static JsonObject problem(Api.Response response, int status) {
        response.expect(status);
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"),
                response.toString());
        return response.object();
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    @Test
    void coversAndCollectionItemsAreMediaIdsThatMustExistAndBeTheAuthorsOwn(PackagedServer server, Api api)
            throws Exception {
        TestUser ana = TestUser.register(api, "Ana Media");
        TestUser ben = TestUser.register(api, "Ben Media");
        String photo = uploadImage(server, ana);
        String bens = uploadImage(server, ben);
        long essay = WorksLifecycleIT.create(ana, "title", "Essay");

        JsonObject created = ana.post("/api/works", Api.json("kind", "collection", "title", "Album", "cover", photo,
                "content", Api.json("items", List.of(Api.json("work", essay), Api.json("media", photo)))))
                .expect(201).object();
        long album = created.getJsonNumber("id").longValue();
        assertEquals(photo, created.getString("cover"));
        assertEquals(photo, created.getJsonObject("content").getJsonArray("items").getJsonObject(1)
                .getString("media"));

        JsonObject missing = problem(ana.patch("/api/works/" + album, Api.json("content", Api.json("items",
                List.of(Api.json("media", photo), Api.json("work", essay), Api.json("media", UNKNOWN))))), 400);
        assertEquals("content.items[2].media: no such media", missing.getString("detail"));
        assertEquals(List.of("content.items[2].media"), fields(missing));
        assertEquals(List.of("content.items[0].media"), fields(problem(ana.patch("/api/works/" + album,
                Api.json("content", Api.json("items", List.of(Api.json("media", 7))))), 400)));
        assertEquals(List.of("content.items[0].media"), fields(problem(ana.patch("/api/works/" + album,
                Api.json("content", Api.json("items", List.of(Api.json("media", "../etc/passwd"))))), 400)));
        assertEquals(List.of("cover"), fields(problem(ana.patch("/api/works/" + album,
                Api.json("cover", UNKNOWN)), 400)));
        assertEquals(List.of("cover"), fields(problem(ana.post("/api/works", Api.json("title", "Bad cover",
                "cover", "not-an-id")), 400)));

        assertEquals(List.of("content.items[1].media"), fields(problem(ana.patch("/api/works/" + album,
                Api.json("content", Api.json("items", List.of(Api.json("media", photo), Api.json("media", bens))))),
                403)), "nobody attaches someone else's upload");
        assertEquals(List.of("cover"), fields(problem(ben.post("/api/works", Api.json("title", "Borrowed",
                "cover", photo)), 403)));

        ana.post("/api/works/" + album + "/authors", Api.json("accountId", ben.id())).expect(200, 201);
        JsonArray items = ben.patch("/api/works/" + album, Api.json("content", Api.json("items",
                List.of(Api.json("media", bens), Api.json("media", photo))))).expect(200).object()
                .getJsonObject("content").getJsonArray("items");
        assertEquals(bens, items.getJsonObject(0).getString("media"), "a co-author adds their own media");
        assertEquals(photo, items.getJsonObject(1).getString("media"), "and keeps the media already there");
        JsonObject uncovered = ana.patch("/api/works/" + album, Api.json("cover", "")).expect(200).object();
        assertTrue(!uncovered.containsKey("cover") || uncovered.isNull("cover"), "an empty cover removes it");
    }

    @Test
    void everyImageNeedsAltTextBeforePublishingAndForksInheritDescribedMedia(PackagedServer server, Api api)
            throws Exception {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Alt", "lyon");
        TestUser ben = TestUser.register(api, "Ben Alt");
        String cover = uploadImage(server, ana);
        String inline = uploadImage(server, ana);
        long id = WorksLifecycleIT.create(ana, "title", "Pictures", "cover", cover,
                "content", "A photo: ![view](/api/media/" + inline + "?w=320)\n");

        JsonObject refused = problem(ana.post("/api/works/" + id + "/publish", Api.json()), 409);
        assertEquals(List.of("cover", "content"), fields(refused));
        assertTrue(refused.getString("detail").contains(cover) && refused.getString("detail").contains(inline),
                refused.getString("detail"));
        describe(ana, cover);
        assertEquals(List.of("content"), fields(problem(ana.post("/api/works/" + id + "/publish", Api.json()),
                409)));
        describe(ana, inline);
        assertEquals("PUBLISHED", ana.post("/api/works/" + id + "/publish", Api.json()).expect(200).object()
                .getString("status"));
        // Readers hear the stored description, not the Markdown's "view": on the public page and in the API.
        JsonObject read = api.get("/api/works/" + id).expect(200).object();
        assertEquals("A blue rectangle", read.getJsonObject("mediaAlt").getString(inline));
        assertTrue(read.getString("html").matches("(?s).*<img src=\"/api/media/" + inline
                + "[^\"]*\" alt=\"A blue rectangle\".*"), read.getString("html"));
        String page = api.get("/works/" + id + ".html").expect(200).body();
        assertTrue(page.contains("alt=\"A blue rectangle\"") && !page.contains("alt=\"view\""), page);

        String undescribed = uploadImage(server, ana);
        assertEquals(List.of("content"), fields(problem(ana.patch("/api/works/" + id, Api.json("content",
                "![new](/api/media/" + undescribed + ")")), 409)), "a published work stays described");
        assertEquals(List.of("cover"), fields(problem(ana.patch("/api/works/" + id, Api.json("cover",
                undescribed)), 409)));

        JsonObject fork = ben.post("/api/works/" + id + "/fork", Api.json("title", "Pictures again")).expect(201)
                .object();
        assertEquals(cover, fork.getString("cover"), "a fork keeps the source's cover");
        long forkId = fork.getJsonNumber("id").longValue();
        ben.patch("/api/works/" + forkId, Api.json("content", "Still: ![view](/api/media/" + inline + ")\n"))
                .expect(200);
        assertEquals("PUBLISHED", ben.post("/api/works/" + forkId + "/publish", Api.json()).expect(200).object()
                .getString("status"));
    }

    @Test
    void consentIsCheckedToo(PackagedServer server, Api api) throws Exception {
        TestUser ana = TestUser.register(api, "Ana Consent Alt");
        TestUser ben = TestUser.register(api, "Ben Consent Alt");
        long id = WorksLifecycleIT.create(ana, "kind", "collection", "title", "Duo");
        ana.post("/api/works/" + id + "/authors", Api.json("accountId", ben.id())).expect(200, 201);
        ana.post("/api/works/" + id + "/publish", Api.json()).expect(200);
        String photo = uploadImage(server, ben);
        ben.patch("/api/works/" + id, Api.json("content", Api.json("items", List.of(Api.json("media", photo)))))
                .expect(200);
        assertEquals(List.of("content.items[0].media"), fields(problem(ana.post("/api/works/" + id + "/publish",
                Api.json()), 409)));
        describe(ben, photo);
        ana.post("/api/works/" + id + "/publish", Api.json()).expect(200);
        assertEquals("PUBLISHED", ben.post("/api/works/" + id + "/publish", Api.json()).expect(200).object()
                .getString("status"));
    }

    @Test
    void theZipHoldsTheMediaAndItsLinksPointAtThem(PackagedServer server, Api api) throws Exception {
        TestUser ana = TestUser.register(api, "Ana Zip");
        String cover = uploadImage(server, ana);
        String inline = uploadImage(server, ana);
        long id = WorksLifecycleIT.create(ana, "title", "Zipped", "cover", cover,
                "content", "# Zipped\n\n![a view](/api/media/" + inline + "?w=320)\n");
        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/works/" + id
                + "/export?format=zip")).header("Authorization", "Bearer " + ana.token())
                .header("X-Forwarded-For", ana.ip()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(List.of("work.md", "work.html", "LICENSE", "ATTRIBUTION", "media/" + cover + ".png",
                "media/" + inline + ".png"), List.copyOf(files.keySet()));
        HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/media/"
                + inline)).header("X-Forwarded-For", TestUser.freshIp()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(served.body(), files.get("media/" + inline + ".png"));
        assertEquals("# Zipped\n\n![a view](media/" + inline + ".png)\n",
                new String(files.get("work.md"), StandardCharsets.UTF_8));
        String html = new String(files.get("work.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"media/" + inline + ".png\""), html);
        assertFalse(html.contains("/api/media/"), html);
        assertTrue(ana.get("/api/works/" + id + "/export?format=html").expect(200).body()
                .contains("/api/media/" + inline), "outside the zip, links stay on the server");
    }

    @Test
    void aCoAuthorGivesAFellowAuthorsImageItsFirstAltTextOnlyThroughAWorkBothWrite(PackagedServer server, Api api)
            throws Exception {
        TestUser ana = TestUser.register(api, "Ana Shared Alt");
        TestUser ben = TestUser.register(api, "Ben Shared Alt");
        TestUser chen = TestUser.register(api, "Chen Shared Alt");
        String used = uploadImage(server, ana);
        String later = uploadImage(server, ana);
        String elsewhere = uploadImage(server, ana);
        String shown = "![harbour](/api/media/" + used + ")\n\n![night](/api/media/" + later + ")";
        long work = ana.post("/api/works", Api.json("kind", "text", "title", "Shared harbour", "content", shown))
                .expect(201).object().getJsonNumber("id").longValue();
        JsonObject refused = problem(ben.patch("/api/media/" + used, Api.json("alt", "Boats")), 403);
        assertTrue(refused.getString("detail").contains("uploaded"), refused.toString());

        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200, 201);
        assertEquals("Boats at the quay", ben.patch("/api/media/" + used, Api.json("alt", "Boats at the quay"))
                .expect(200).object().getString("alt"));
        // Described once, it is the uploader's to change.
        problem(ben.patch("/api/media/" + used, Api.json("alt", "Rewritten")), 403);
        assertEquals("Ana's words", ana.patch("/api/media/" + used, Api.json("alt", "Ana's words")).expect(200)
                .object().getString("alt"));
        // An image of Ana's that their work does not show stays hers to describe.
        problem(ben.patch("/api/media/" + elsewhere, Api.json("alt", "Guess")), 403);
        // Nor does an image of someone who is not an author become the authors' to describe by being shown.
        String chens = uploadImage(server, chen);
        ben.patch("/api/works/" + work, Api.json("content", shown + "\n\n![quay](/api/media/" + chens + ")"))
                .expect(200);
        problem(ben.patch("/api/media/" + chens, Api.json("alt", "A quay")), 403);
        // A deleted work gives the right no more.
        ana.delete("/api/works/" + work).expect(204);
        problem(ben.patch("/api/media/" + later, Api.json("alt", "At night")), 403);
    }
}
