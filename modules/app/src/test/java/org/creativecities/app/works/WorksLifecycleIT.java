package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A work's life on the packaged server: drafts, authors, consent to publish, versions, diff, restore, deletion. */
@ExtendWith(SharedServer.class)
class WorksLifecycleIT {

    static TestUser member(PackagedServer server, Api api, String name, String city) {
        TestUser admin = TestUser.admin(server);
        admin.patch("/api/cities/" + city, Api.json("joinPolicy", "OPEN")).expect(200);
        TestUser user = TestUser.register(api, name);
        user.post("/api/cities/" + city + "/members", null).expect(201);
        return user;
    }

    static long create(TestUser author, Object... properties) {
        return author.post("/api/works", Api.json(properties)).expect(201).object().getJsonNumber("id").longValue();
    }

    private static List<String> names(JsonArray people) {
        return people.stream().map(v -> v.asJsonObject().getString("displayName")).toList();
    }

    /** Content no kind takes is bad input whoever sends it, before who may change the work is asked (it was 403). */
    @Test
    void malformedContentIsRefusedAsBadInputEvenFromSomeoneWhoMayNotChangeTheWork(PackagedServer server, Api api) {
        TestUser ana = member(server, api, "Ana Shape", "lyon");
        long work = create(ana, "title", "Shapes", "content", "Text");
        ana.post("/api/works/" + work + "/publish", Api.json("audience", "everyone")).expect(200);
        TestUser admin = TestUser.admin(server);
        for (String body : new String[]{"{\"content\":[[[]]]}", "{\"content\":{\"x\":{}}}", "{\"content\":7}"}) {
            Api.Response r = admin.send("PATCH", "/api/works/" + work, body);
            assertEquals(400, r.status(), body + ": " + r);
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.toString());
            assertEquals("content", r.object().getJsonArray("errors").getJsonObject(0).getString("field"), r.toString());
        }
        assertEquals(1, ana.get("/api/works/" + work + "/versions").expect(200).array().size());
    }

    /**
     * A text work's {@code html} is the server's safe rendering, which the browser shows (sanitised once more): raw
     * HTML and script links are text or dropped, CommonMark as on the public page; other kinds have none.
     */
    @Test
    void aTextWorksHtmlIsTheServersSafeRenderingAndOtherKindsHaveNone(PackagedServer server, Api api) {
        TestUser ana = member(server, api, "Ana Rendered", "lyon");
        String html = ana.post("/api/works", Api.json("title", "Rendered", "content",
                "<script>steal()</script>\n\n[go](javascript:alert(1)) **bold** ~~kept~~")).expect(201).object()
                .getString("html");
        assertFalse(html.contains("<script") || html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;steal()&lt;/script&gt;"), html);
        assertTrue(html.contains("<strong>bold</strong> ~~kept~~"), html);
        long set = create(ana, "kind", "collection", "title", "Set");
        assertEquals(jakarta.json.JsonValue.NULL, ana.get("/api/works/" + set).expect(200).object()
                .getOrDefault("html", jakarta.json.JsonValue.NULL), "a collection has no html");
    }

    @Test
    void aDraftIsItsAuthorsAloneAndStrangersAreToldItDoesNotExist(PackagedServer server, Api api) {
        TestUser ana = member(server, api, "Ana Draft", "lyon");
        TestUser stranger = TestUser.register(api, "Stranger");
        JsonObject created = ana.post("/api/works", Api.json("title", "Rivers of Lyon", "content", "# Rivers\n",
                "fields", List.of("literature"), "cities", List.of("bristol"), "languages", List.of("en", "fr"),
                "tags", List.of("Water"))).expect(201).object();
        long id = created.getJsonNumber("id").longValue();
        assertEquals("DRAFT", created.getString("status"));
        assertEquals("text", created.getString("kind"));
        assertEquals(1, created.getInt("version"));
        assertEquals("# Rivers\n", created.getString("content"));
        assertEquals("<h1>Rivers</h1>\n", created.getString("html"), "rendered as its first view and page show it");
        assertEquals("CC-BY-SA-4.0", created.getJsonObject("licence").getString("spdx"));
        assertEquals("https://creativecommons.org/licenses/by-sa/4.0/",
                created.getJsonObject("licence").getString("url"));
        assertEquals("*Rivers of Lyon* by Ana Draft (Lyon), CC BY-SA 4.0", created.getString("attribution"));
        assertEquals(List.of("lyon", "bristol"), created.getJsonArray("cities").stream()
                .map(v -> v.asJsonObject().getString("slug")).toList());
        assertEquals(List.of("literature"), created.getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(List.of("water"), created.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());

        ana.get("/api/works/" + id).expect(200);
        Api.Response hidden = stranger.get("/api/works/" + id).expect(404);
        assertTrue(hidden.header("Content-Type").orElse("").startsWith("application/problem+json"));
        api.get("/api/works/" + id).expect(404);
        stranger.get("/api/works/" + id + "/versions").expect(404);
        stranger.patch("/api/works/" + id, Api.json("title", "Mine")).expect(404);
        stranger.post("/api/works/" + id + "/publish", Api.json()).expect(404);
        api.post("/api/works", Api.json("title", "x")).expect(401);

        // Lists show drafts to their authors only.
        assertTrue(ids(ana.get("/api/works?author=" + ana.id()).expect(200).object()).contains(id));
        assertFalse(ids(stranger.get("/api/works?author=" + ana.id()).expect(200).object()).contains(id));
        assertTrue(ids(ana.get("/api/works?city=bristol&status=draft").expect(200).object()).contains(id));
        assertTrue(ids(ana.get("/api/works?field=literature").expect(200).object()).contains(id));
        assertFalse(ids(ana.get("/api/works?field=film").expect(200).object()).contains(id));
    }

    static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    @Test
    void badInputIsAProblemNamingTheField(PackagedServer server, Api api) {
        TestUser ana = TestUser.register(api, "Ana Bad Input");
        problem(ana.post("/api/works", Api.json("title", "T", "licence", "GPL-3.0")), 400, "licence");
        problem(ana.post("/api/works", Api.json("title", "x".repeat(201))), 400, "title");
        problem(ana.post("/api/works", Api.json("title", " ")), 400, "title");
        problem(ana.post("/api/works", Api.json("title", "T", "kind", "poem")), 400, "kind");
        problem(ana.post("/api/works", Api.json("title", "T", "fields", List.of("juggling"))), 400, "fields");
        problem(ana.post("/api/works", Api.json("title", "T", "content", 12)), 400, "content");
        problem(ana.post("/api/works", Api.json("title", "T", "kind", "collection", "content",
                Api.json("items", List.of(Api.json("song", 3))))), 400, "content.items[0]");
        long id = create(ana, "title", "Numbers");
        problem(ana.get("/api/works/" + id + "/versions/zero"), 400, "n");
        problem(ana.get("/api/works/" + id + "/versions/0"), 400, "n");
        ana.get("/api/works/" + id + "/versions/7").expect(404);
        problem(ana.get("/api/works/" + id + "/diff?from=1"), 400, "to");
        problem(ana.get("/api/works/" + id + "/diff?from=-2&to=1"), 400, "from");
        problem(ana.post("/api/works/" + id + "/publish", Api.json("licence", "all-rights-reserved")), 400,
                "licence");
        problem(ana.post("/api/works/" + id + "/publish", Api.json("audience", "aliens")), 400, "audience");
    }

    private static void problem(Api.Response response, int status, String field) {
        response.expect(status);
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"),
                response.toString());
        JsonObject problem = response.object();
        assertEquals(status, problem.getInt("status"));
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), response.body());
        assertFalse(problem.getString("detail").contains("Exception"), problem.getString("detail"));
    }

    @Test
    void publishingNeedsEveryAuthorsConsentAndANewVersionResetsIt(PackagedServer server, Api api) {
        TestUser ana = member(server, api, "Ana Consent", "lyon");
        TestUser ben = member(server, api, "Ben Consent", "bristol");
        TestUser stranger = TestUser.register(api, "Outsider");
        long id = create(ana, "title", "Two Rivers", "content", "Lyon has two rivers.");

        // Only the creator invites; then both are authors, in the attribution with their cities.
        ben.post("/api/works/" + id + "/authors", Api.json("accountId", ben.id())).expect(404);
        JsonObject withBen = ana.post("/api/works/" + id + "/authors", Api.json("accountId", ben.id())).expect(200)
                .object();
        assertEquals(List.of("Ana Consent", "Ben Consent"), names(withBen.getJsonArray("authors")));
        assertEquals("*Two Rivers* by Ana Consent (Lyon), Ben Consent (Bristol), CC BY-SA 4.0",
                withBen.getString("attribution"));
        ana.post("/api/works/" + id + "/authors", Api.json("accountId", ben.id())).expect(409);
        ben.post("/api/works/" + id + "/authors", Api.json("accountId", stranger.id())).expect(403);

        // Ana agrees: pending on Ben.
        JsonObject pending = ana.post("/api/works/" + id + "/publish", Api.json("audience", "everyone",
                "licence", "CC-BY-4.0")).expect(200).object();
        assertEquals("DRAFT", pending.getString("status"));
        JsonObject publication = pending.getJsonObject("publication");
        assertEquals(List.of("Ana Consent"), names(publication.getJsonArray("consented")));
        assertEquals(List.of("Ben Consent"), names(publication.getJsonArray("pending")));
        api.get("/api/works/" + id).expect(404);

        // Ben saves a new version: Ana's consent was for the old text, so it is reset.
        JsonObject edited = ben.patch("/api/works/" + id, Api.json("content", "Lyon has two rivers and a hill.",
                "message", "hill")).expect(200).object();
        assertEquals(2, edited.getInt("version"));
        assertFalse(edited.containsKey("publication"), edited.toString());

        // Ben agrees first this time, then Ana: published to everyone under the chosen licence.
        JsonObject benAgreed = ben.post("/api/works/" + id + "/publish", Api.json("audience", "everyone",
                "licence", "CC-BY-4.0")).expect(200).object();
        assertEquals(List.of("Ana Consent"), names(benAgreed.getJsonObject("publication").getJsonArray("pending")));
        JsonObject published = ana.post("/api/works/" + id + "/publish", Api.json()).expect(200).object();
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals("EVERYONE", published.getString("audience"));
        assertEquals("CC-BY-4.0", published.getJsonObject("licence").getString("spdx"));
        assertEquals("*Two Rivers* by Ana Consent (Lyon), Ben Consent (Bristol), CC BY 4.0",
                published.getString("attribution"));
        ana.post("/api/works/" + id + "/publish", Api.json()).expect(409);

        // Public now: anonymous readers and strangers see it, but cannot change it.
        assertEquals("Lyon has two rivers and a hill.", api.get("/api/works/" + id).expect(200).object()
                .getString("content"));
        assertTrue(ids(api.get("/api/works?city=lyon").expect(200).object()).contains(id));
        stranger.patch("/api/works/" + id, Api.json("title", "Mine")).expect(403);
        ana.patch("/api/works/" + id, Api.json("licence", "CC0-1.0")).expect(409);
    }

    @Test
    void historyDiffAndRestoreLoseNothing(PackagedServer server, Api api) {
        TestUser ana = TestUser.register(api, "Ana History");
        long id = create(ana, "title", "Song", "content", "one two three\nsecond line\n");
        ana.patch("/api/works/" + id, Api.json("content", "one TWO three\nsecond line\nthird line\n",
                "message", "louder")).expect(200);
        ana.patch("/api/works/" + id, Api.json("title", "Song, renamed")).expect(200);

        JsonArray versions = ana.get("/api/works/" + id + "/versions").expect(200).array();
        assertEquals(List.of(3, 2, 1), versions.stream().map(v -> v.asJsonObject().getInt("number")).toList());
        assertEquals("louder", versions.getJsonObject(1).getString("message"));
        assertEquals("Song, renamed", versions.getJsonObject(0).getString("title"));
        assertEquals("one two three\nsecond line\n", ana.get("/api/works/" + id + "/versions/1").expect(200)
                .object().getString("content"));

        JsonObject diff = ana.get("/api/works/" + id + "/diff?from=1&to=2").expect(200).object();
        JsonArray changes = diff.getJsonArray("changes");
        JsonObject changed = changes.getJsonObject(0);
        assertEquals("change", changed.getString("type"));
        assertEquals(List.of("one two three"), changed.getJsonArray("fromLines").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        JsonObject word = changed.getJsonArray("words").stream().map(v -> v.asJsonObject())
                .filter(w -> !w.getString("type").equals("equal")).findFirst().orElseThrow();
        assertEquals("change", word.getString("type"));
        assertEquals("two", word.getString("from"));
        assertEquals("TWO", word.getString("to"));
        assertEquals("insert", changes.getJsonObject(1).getString("type"));
        assertEquals(List.of("third line"), changes.getJsonObject(1).getJsonArray("toLines")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        JsonObject restored = ana.post("/api/works/" + id + "/versions/1/restore", null).expect(200).object();
        assertEquals(4, restored.getInt("version"));
        assertEquals("one two three\nsecond line\n", restored.getString("content"));
        assertEquals("Song", restored.getString("title"));
        assertEquals("Restored version 1", ana.get("/api/works/" + id + "/versions/4").expect(200).object()
                .getString("message"));
        assertEquals(4, ana.get("/api/works/" + id + "/versions").expect(200).array().size());
        ana.post("/api/works/" + id + "/versions/9/restore", null).expect(404);
    }

    @Test
    void aDeletionIsSoftAndAnAdministratorUndoesIt(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(api, "Ana Delete");
        TestUser ben = TestUser.register(api, "Ben Delete");
        long id = create(ana, "title", "Ephemeral", "content", "soon gone");
        ana.post("/api/works/" + id + "/authors", Api.json("accountId", ben.id())).expect(200);
        ben.delete("/api/works/" + id).expect(403);
        ana.delete("/api/works/" + id).expect(204);
        ana.get("/api/works/" + id).expect(404);
        ana.delete("/api/works/" + id).expect(404);
        assertFalse(ids(ana.get("/api/works?author=" + ana.id()).expect(200).object()).contains(id));

        ana.post("/api/works/" + id + "/restore-deleted", null).expect(403);
        JsonObject seenByAdmin = admin.get("/api/works/" + id).expect(200).object();
        assertTrue(seenByAdmin.containsKey("deletedAt"));
        JsonObject back = admin.post("/api/works/" + id + "/restore-deleted", null).expect(200).object();
        assertFalse(back.containsKey("deletedAt"));
        assertEquals("soon gone", ana.get("/api/works/" + id).expect(200).object().getString("content"));
        admin.post("/api/works/" + id + "/restore-deleted", null).expect(409);
    }
}
