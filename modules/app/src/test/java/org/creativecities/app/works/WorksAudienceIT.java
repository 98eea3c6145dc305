package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Works in spaces on the packaged server: open works that members join, publication to a space, collections, limits. */
@ExtendWith(SharedServer.class)
class WorksAudienceIT {

    private static long membersOnlySpace(PackagedServer server, String city, String name) {
        return TestUser.admin(server).post("/api/spaces", Api.json("name", name, "city", city,
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
    }

    @Test
    void membersOfAnOpenWorksSpaceJoinItAndASpacesWorkIsForItsReadersOnly(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Space", "lyon");
        TestUser ben = WorksLifecycleIT.member(server, api, "Ben Space", "lyon");
        TestUser chen = WorksLifecycleIT.member(server, api, "Chen Space", "bristol");
        long space = membersOnlySpace(server, "lyon", "Writers " + System.nanoTime());

        // Only members of a space may place a work there.
        chen.post("/api/works", Api.json("title", "Intruder", "spaceId", space)).expect(404);
        chen.post("/api/works", Api.json("title", "Open nowhere", "open", true)).expect(400);

        long open = WorksLifecycleIT.create(ana, "title", "Open Letter", "spaceId", space, "open", true);
        JsonObject seen = ben.get("/api/works/" + open).expect(200).object();
        assertTrue(seen.getBoolean("open"));
        assertFalse(seen.getBoolean("canEdit"));
        ben.patch("/api/works/" + open, Api.json("content", "mine")).expect(403);
        chen.get("/api/works/" + open).expect(404);
        chen.post("/api/works/" + open + "/authors", Api.json()).expect(404);
        ben.post("/api/works/" + open + "/authors", Api.json("accountId", chen.id())).expect(403);
        JsonObject joined = ben.post("/api/works/" + open + "/authors", Api.json()).expect(200).object();
        assertEquals(List.of("CREATOR", "CO_AUTHOR"), joined.getJsonArray("authors").stream()
                .map(v -> v.asJsonObject().getString("role")).toList());
        assertTrue(ben.get("/api/works/" + open).expect(200).object().getBoolean("canEdit"));
        ben.patch("/api/works/" + open, Api.json("content", "Dear Lyon,")).expect(200);

        // A work that is not open is joined by invitation only.
        long closed = WorksLifecycleIT.create(ana, "title", "Closed Letter", "spaceId", space);
        ben.get("/api/works/" + closed).expect(404);
        ben.post("/api/works/" + closed + "/authors", Api.json()).expect(404);

        // Published to the space: its readers see it; others, visitors and feeds do not.
        ana.post("/api/works/" + open + "/publish", Api.json("audience", "space", "spaceId", space)).expect(200);
        JsonObject published = ben.post("/api/works/" + open + "/publish", Api.json()).expect(200).object();
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals("SPACE", published.getString("audience"));
        TestUser dana = WorksLifecycleIT.member(server, api, "Dana Space", "lyon");
        assertEquals("Dear Lyon,", dana.get("/api/works/" + open).expect(200).object().getString("content"));
        assertTrue(WorksLifecycleIT.ids(dana.get("/api/works?status=published").expect(200).object()).contains(open));
        chen.get("/api/works/" + open).expect(404);
        api.get("/api/works/" + open).expect(404);
        assertFalse(WorksLifecycleIT.ids(chen.get("/api/works?city=lyon").expect(200).object()).contains(open));
        chen.post("/api/works/" + open + "/fork", Api.json()).expect(404);
        assertTrue(dana.post("/api/works/" + open + "/fork", Api.json()).expect(201).object()
                .containsKey("derivedFrom"));
    }

    @Test
    void aCollectionIsAnOrderedListOfWorksAndMedia(PackagedServer server, Api api) throws Exception {
        TestUser ana = TestUser.register(api, "Ana Collection");
        String photo = WorksMediaIT.uploadImage(server, ana);
        long essay = WorksLifecycleIT.create(ana, "title", "Essay");
        JsonObject collection = ana.post("/api/works", Api.json("kind", "collection", "title", "Anthology",
                "content", Api.json("items", List.of(Api.json("work", essay), Api.json("media", photo))))).expect(201)
                .object();
        long id = collection.getJsonNumber("id").longValue();
        assertEquals("collection", collection.getString("kind"));
        assertEquals("json", collection.getString("format"));
        assertEquals(essay, collection.getJsonObject("content").getJsonArray("items").getJsonObject(0)
                .getJsonNumber("work").longValue());
        ana.patch("/api/works/" + id, Api.json("content", Api.json("items", List.of(Api.json("media", photo),
                Api.json("work", essay))))).expect(200);
        JsonObject diff = ana.get("/api/works/" + id + "/diff?from=1&to=2").expect(200).object();
        assertEquals("json", diff.getString("format"));
        // The line diff compares the JSON pretty-printed (one member a line); the structured diff names the paths.
        assertFalse(diff.getJsonArray("changes").isEmpty(), diff.toString());
        List<String> paths = diff.getJsonArray("structured").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("path")).toList();
        assertTrue(!paths.isEmpty() && paths.stream().allMatch(p -> p.startsWith("/items/")), paths.toString());
        ana.patch("/api/works/" + id, Api.json("content", "just text")).expect(400);
        ana.post("/api/works/" + id + "/versions", Api.json("message", "live save")).expect(409);
        TestUser.register(api, "Not Ana").post("/api/works/" + id + "/versions", Api.json()).expect(404);
        assertTrue(ana.get("/api/works/" + id + "/export?format=md").expect(200).body()
                .contains("[Work " + essay + "](/works/" + essay + ".html)"));
    }

    @Test
    void anonymousReadsAreLimitedPerAddressAndSignedInReadsAreNot(PackagedServer server, Api api) {
        TestUser ana = TestUser.register(api, "Ana Limits");
        long id = WorksLifecycleIT.create(ana, "title", "Popular");
        ana.post("/api/works/" + id + "/publish", Api.json()).expect(200);
        String ip = TestUser.freshIp();
        Api.Response refused = null;
        for (int i = 0; i < 2000 && refused == null; i++) {
            Api.Response r = TestUser.send(api, ip, "GET", "/api/works/" + id, null);
            if (r.status() == 429) {
                refused = r;
            } else {
                r.expect(200);
            }
        }
        assertTrue(refused != null, "a visitor's reads are limited");
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.header("Retry-After").isPresent());
        ana.api().request("GET", "/api/works/" + id).header("X-Forwarded-For", ip).send().expect(200);
    }
}
