package org.creativecities.app.search;

import static org.creativecities.app.search.SearchClient.has;
import static org.creativecities.app.search.SearchClient.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServer;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/search on the packaged server: cities, people, messages and works found accent- and case-insensitively,
 * with escaped, highlighted snippets; new, edited and deleted messages followed as they happen; members-only rooms
 * found by their readers only, drafts by their authors only; filters; bad queries answered with problems.
 */
@OwnServerLane
class SearchIT {

    /** Above what a waiting test asks (ten a second at most), so that only the rate-limit test meets it. */
    private static final int VISITOR_LIMIT = 1200;

    private static PackagedServer server;
    private static Api api;

    /** A server of the own-server lane with {@code CCC_SEARCH_VISITOR_QUERIES_PER_MINUTE} at {@link #VISITOR_LIMIT}. */
    @BeforeAll
    static void boot() {
        server = OwnServer.COMBINED.get();
        api = server.api();
        SearchClient.awaitReady(api);
    }

    @Test
    void citiesAreFoundWithoutAccentsOrCaseAndFilteredByField() {
        SearchClient visitor = SearchClient.visitor(api);
        List<JsonObject> hits = visitor.hits(path("BISTRITA"));
        assertTrue(has(hits, "city", "bistrita"), "Bistrița found as BISTRITA: " + hits);
        JsonObject bistrita = hits.get(0);
        assertEquals("Bistrița", bistrita.getString("title"));
        assertEquals("/cities/bistrita", bistrita.getString("url"));

        List<JsonObject> film = visitor.hits("/api/search?q=creative&kind=city&field=film&size=50");
        assertFalse(film.isEmpty());
        assertTrue(film.stream().allMatch(h -> h.getString("kind").equals("city")
                && h.getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(f -> f.getString().equals("film"))), "only cities of film: " + film);
        List<JsonObject> lyon = visitor.hits("/api/search?q=lyon&city=lyon");
        assertTrue(lyon.stream().allMatch(h -> h.getJsonArray("cities").toString().contains("\"lyon\"")), lyon
                .toString());
    }

    @Test
    void messagesAreFoundAsTheyArePostedEditedAndDeletedWithEscapedHighlights() {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(api, "Ana Search");
        Rooms.members(admin, "lyon", ana);
        long room = Rooms.generalRoom(ana, "lyon");
        SearchClient visitor = SearchClient.visitor(api);
        try (LiveClient a = LiveClient.open(ana)) {
            a.send(Rooms.join(room, null, "j")).reply("j");
            JsonObject ack = a.send(Rooms.post(room, "s1", "Le théâtre <b>d'été</b> ouvre à Lyon, quelle fête"))
                    .reply("f-s1");
            long seq = ack.getJsonNumber("seq").longValue();
            String id = room + "-" + seq;

            List<JsonObject> found = visitor.await(path("theatre ETE"), h -> has(h, "message", id));
            JsonObject hit = found.stream().filter(h -> h.getString("id").equals(id)).findFirst().orElseThrow();
            String snippet = hit.getString("snippet");
            assertTrue(snippet.contains("<mark>théâtre</mark>"), snippet);
            assertTrue(snippet.contains("&lt;b&gt;"), "markup in the text is escaped: " + snippet);
            assertFalse(snippet.contains("<b>"), snippet);
            assertEquals("/rooms/" + room + "#seq-" + seq, hit.getString("url"));

            a.send(Api.json("type", "edit", "room", room, "target", seq, "text", "Concert de jazz ce soir",
                    "id", "e1")).reply("e1");
            visitor.await(path("jazz"), h -> has(h, "message", id));
            assertFalse(has(visitor.hits(path("theatre")), "message", id), "the old text is not found any more");

            a.send(Api.json("type", "delete", "room", room, "target", seq, "id", "d1")).reply("d1");
            visitor.await(path("jazz"), h -> !has(h, "message", id));
        }
    }

    /**
     * A burst of messages costs a refresh or two, not one refresh per message: each refresh writes a Lucene segment,
     * and refreshing after every message cost more CPU than delivering it (docs/benchmarks.md, "The search indexer
     * on the live path"). At most one refresh a second (the default {@code ccc.search.refresh-interval}), one more
     * for the first change, and one for a commit that may fall in the burst.
     */
    @Test
    void aBurstOfMessagesIsMadeSearchableWithAboutOneRefreshASecond() {
        TestUser admin = TestUser.admin(server);
        TestUser bo = TestUser.register(api, "Bo Burst");
        Rooms.members(admin, "lyon", bo);
        long room = Rooms.generalRoom(bo, "lyon");
        SearchClient visitor = SearchClient.visitor(api);
        int messages = 40;
        long before = status().getJsonNumber("refreshes").longValue();
        long t0 = System.nanoTime();
        String last;
        try (LiveClient b = LiveClient.open(bo)) {
            b.send(Rooms.join(room, null, "j")).reply("j");
            long seq = 0;
            for (int i = 0; i < messages; i++) {
                String text = i == messages - 1 ? "quillwort burst, the last: hornwort" : "quillwort burst number " + i;
                seq = b.send(Rooms.post(room, "b" + i, text)).reply("f-b" + i)
                        .getJsonNumber("seq").longValue();
            }
            last = room + "-" + seq;
        }
        double postingSeconds = (System.nanoTime() - t0) / 1e9;
        visitor.await(path("hornwort"), h -> has(h, "message", last));
        long refreshes = status().getJsonNumber("refreshes").longValue() - before;
        assertTrue(refreshes >= 1, "the messages were made searchable by a refresh");
        long allowed = 3 + (long) Math.ceil(postingSeconds);
        assertTrue(refreshes <= allowed, messages + " messages posted in " + String.format("%.2f", postingSeconds)
                + " s took " + refreshes + " refreshes (at most " + allowed + ")");
    }

    private static JsonObject status() {
        return api.get("/api/search/status").expect(200).object();
    }

    @Test
    void membersOnlyRoomsAreFoundByTheirReadersOnly() {
        TestUser admin = TestUser.admin(server);
        TestUser member = TestUser.register(api, "Tartu Member");
        TestUser outsider = TestUser.register(api, "Tartu Outsider");
        Rooms.members(admin, "tartu", member);
        long space = admin.post("/api/spaces", Api.json("name", "Inner circle", "city", "tartu",
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        long room = admin.post("/api/spaces/" + space + "/rooms", Api.json("name", "talk")).expect(201).object()
                .getJsonNumber("id").longValue();
        String id;
        try (LiveClient m = LiveClient.open(member)) {
            m.send(Rooms.join(room, null, "j")).reply("j");
            id = room + "-" + m.send(Rooms.post(room, "x1", "zyxwv secret plans")).reply("f-x1")
                    .getJsonNumber("seq").longValue();
        }
        SearchClient.as(member).await(path("zyxwv"), h -> has(h, "message", id));
        SearchClient.as(admin).await(path("zyxwv"), h -> has(h, "message", id));
        assertFalse(has(SearchClient.as(outsider).hits(path("zyxwv")), "message", id), "an outsider does not find it");
        assertFalse(has(SearchClient.visitor(api).hits(path("zyxwv")), "message", id), "a visitor does not find it");

        // Opened to everyone: found by visitors at once, without re-indexing.
        admin.patch("/api/spaces/" + space, Api.json("visibility", "PUBLIC")).expect(200);
        assertTrue(has(SearchClient.visitor(api).hits(path("zyxwv")), "message", id), "public now");
    }

    @Test
    void peopleAreFoundByTheirProfile() {
        TestUser bo = TestUser.register(api, "Bo Qwertyson");
        bo.patch("/api/people/" + bo.id(), Api.json("bio", "Sound designer for theatre", "homeCity", "lyon",
                "fields", List.of("music"), "expertise", List.of("field recording"))).expect(200);
        SearchClient visitor = SearchClient.visitor(api);
        List<JsonObject> hits = visitor.await("/api/search?q=qwertyson&kind=person",
                h -> has(h, "person", Long.toString(bo.id())));
        assertEquals("Bo Qwertyson", hits.get(0).getString("title"));
        visitor.await("/api/search?q=recording&kind=person&city=lyon&field=music",
                h -> has(h, "person", Long.toString(bo.id())));
    }

    @Test
    void worksAreFilteredByFieldAndCityAndDraftsAreFoundByTheirAuthorsOnly() {
        TestUser ana = TestUser.register(api, "Ana Worksearch");
        TestUser stranger = TestUser.register(api, "Stranger Worksearch");
        long published = ana.post("/api/works", Api.json("kind", "text", "title", "The quokkasong ballad",
                "content", "# The quokkasong ballad\n\nSung in Lyon.", "fields", List.of("music"),
                "cities", List.of("lyon"))).expect(201).object().getJsonNumber("id").longValue();
        ana.post("/api/works/" + published + "/publish", Api.json("audience", "everyone")).expect(200);
        String id = Long.toString(published);
        SearchClient visitor = SearchClient.visitor(api);
        visitor.await("/api/search?q=quokkasong&kind=work&field=music&city=lyon", h -> has(h, "work", id));
        assertFalse(has(visitor.hits("/api/search?q=quokkasong&kind=work&field=film"), "work", id),
                "not found in another field");
        assertFalse(has(visitor.hits("/api/search?q=quokkasong&kind=work&city=tartu"), "work", id),
                "not found in another city");

        long draft = ana.post("/api/works", Api.json("kind", "text", "title", "The wombatsong draft",
                "content", "# The wombatsong draft\n\nNot yet.", "fields", List.of("music"))).expect(201).object()
                .getJsonNumber("id").longValue();
        String draftId = Long.toString(draft);
        SearchClient.as(ana).await("/api/search?q=wombatsong&kind=work&field=music", h -> has(h, "work", draftId));
        assertFalse(has(SearchClient.as(stranger).hits("/api/search?q=wombatsong&kind=work"), "work", draftId),
                "a stranger does not find a draft");
        assertFalse(has(visitor.hits("/api/search?q=wombatsong"), "work", draftId),
                "a visitor does not find a draft");
    }

    @Test
    void badQueriesAreProblemsAndOddSyntaxIsSafe() {
        SearchClient visitor = SearchClient.visitor(api);
        Api.Response tooLong = visitor.get(path("a".repeat(201)));
        assertEquals(400, tooLong.status());
        assertEquals("application/problem+json", tooLong.header("Content-Type").orElse(""));
        assertTrue(tooLong.body().contains("at most 200 characters"), tooLong.body());
        assertEquals(400, visitor.get("/api/search?q=x&kind=spaceship").status());
        assertEquals(400, visitor.get("/api/search?q=x&page=1000&size=50").status());
        assertEquals(400, visitor.get("/api/search?q=x&colour=red").status());
        for (String odd : List.of("\"unbalanced", "*lyon", "((lyon", "lyon~2", "-", "\\", "l*")) {
            assertEquals(200, visitor.get(path(odd)).status(), odd);
        }
        // The NUL character is refused in any query (security.NulCharacterIT): PostgreSQL cannot hold it in text.
        Api.Response nul = visitor.get(path("\u0000"));
        assertEquals(400, nul.status());
        assertEquals("application/problem+json", nul.header("Content-Type").orElse(""));
    }

    @Test
    void visitorsAreRateLimitedPerAddress() {
        SearchClient visitor = SearchClient.visitor(api);
        Api.Response refused = null;
        for (int i = 0; i < 5 * VISITOR_LIMIT && refused == null; i++) {
            Api.Response r = visitor.get(path("lyon"));
            if (r.status() == 429) {
                refused = r;
            } else {
                assertEquals(200, r.status());
            }
        }
        assertTrue(refused != null, "a visitor is refused at some point");
        assertEquals("application/problem+json", refused.header("Content-Type").orElse(""));
        assertTrue(refused.header("Retry-After").isPresent(), "Retry-After");
        assertEquals(200, SearchClient.visitor(api).get(path("lyon")).status(), "another address is not limited");
    }

    @Test
    void theSearchIsInTheApiDocument() {
        JsonObject doc = api.request("GET", "/openapi").header("Accept", "application/json").send().expect(200)
                .object();
        JsonObject search = doc.getJsonObject("paths").getJsonObject("/api/search");
        assertTrue(search != null && search.containsKey("get"), "GET /api/search is documented");
        List<String> parameters = search.getJsonObject("get").getJsonArray("parameters").stream()
                .map(p -> p.asJsonObject().getString("name")).sorted().toList();
        assertEquals(List.of("city", "field", "kind", "page", "q", "size"), parameters);
        String responses = search.getJsonObject("get").getJsonObject("responses").keySet().toString();
        assertTrue(responses.contains("429") && responses.contains("503"), responses);
        assertTrue(doc.getJsonObject("paths").containsKey("/api/search/status"), "the status is documented");
    }
}
