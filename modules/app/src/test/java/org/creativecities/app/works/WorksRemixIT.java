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

/** Forks on the packaged server: who may fork what, Creative Commons' licence rules, and lineage both ways. */
@ExtendWith(SharedServer.class)
class WorksRemixIT {

    private static long published(TestUser author, String title, String licence) {
        long id = WorksLifecycleIT.create(author, "title", title, "content", title + " text", "licence", licence);
        author.post("/api/works/" + id + "/publish", Api.json("audience", "everyone")).expect(200);
        return id;
    }

    private static String reason(Api.Response refused) {
        refused.expect(400);
        JsonObject problem = refused.object();
        assertEquals("licence", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        return problem.getString("detail");
    }

    @Test
    void aForkMustKeepACompatibleLicenceAndIsRefusedWithTheReason(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Remix", "lyon");
        TestUser ben = WorksLifecycleIT.member(server, api, "Ben Remix", "bristol");
        long bySa = published(ana, "Share Alike Song", "CC-BY-SA-4.0");
        long nc = published(ana, "Non Commercial Tale", "CC-BY-NC-4.0");
        long by = published(ana, "Attribution Essay", "CC-BY-4.0");
        long cc0 = published(ana, "Public Domain Map", "CC0-1.0");

        assertTrue(reason(ben.post("/api/works/" + bySa + "/fork", Api.json("licence", "CC-BY-4.0")))
                .contains("ShareAlike"));
        assertTrue(reason(ben.post("/api/works/" + bySa + "/fork", Api.json("licence", "CC0-1.0")))
                .contains("CC-BY-SA-4.0"));
        assertTrue(reason(ben.post("/api/works/" + nc + "/fork", Api.json("licence", "CC-BY-SA-4.0")))
                .contains("NonCommercial"));
        assertTrue(reason(ben.post("/api/works/" + by + "/fork", Api.json("licence", "CC0-1.0")))
                .contains("attribution"));
        reason(ben.post("/api/works/" + by + "/fork", Api.json("licence", "MIT")));

        assertEquals("CC-BY-SA-4.0", ben.post("/api/works/" + bySa + "/fork", Api.json()).expect(201).object()
                .getJsonObject("licence").getString("spdx"));
        assertEquals("CC-BY-NC-4.0", ben.post("/api/works/" + nc + "/fork", Api.json()).expect(201).object()
                .getJsonObject("licence").getString("spdx"));
        assertEquals("CC-BY-NC-4.0", ben.post("/api/works/" + by + "/fork", Api.json("licence", "CC-BY-NC-4.0"))
                .expect(201).object().getJsonObject("licence").getString("spdx"));
        assertEquals("CC0-1.0", ben.post("/api/works/" + cc0 + "/fork", Api.json("licence", "CC0-1.0"))
                .expect(201).object().getJsonObject("licence").getString("spdx"));

        // Drafts cannot be forked, and visitors cannot fork.
        long draft = WorksLifecycleIT.create(ana, "title", "Unfinished");
        ana.post("/api/works/" + draft + "/fork", Api.json()).expect(409);
        ben.post("/api/works/" + draft + "/fork", Api.json()).expect(404);
        api.post("/api/works/" + bySa + "/fork", Api.json()).expect(401);
    }

    @Test
    void lineageIsShownBothWaysWithAttributionAllTheWayUp(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Lineage", "lyon");
        TestUser ben = WorksLifecycleIT.member(server, api, "Ben Lineage", "bristol");
        TestUser chen = WorksLifecycleIT.member(server, api, "Chen Lineage", "shenzhen");
        long root = published(ana, "River Song", "CC-BY-SA-4.0");

        JsonObject child = ben.post("/api/works/" + root + "/fork", Api.json("title", "River Song, Bristol mix"))
                .expect(201).object();
        long childId = child.getJsonNumber("id").longValue();
        assertEquals(root, child.getJsonObject("derivedFrom").getJsonNumber("workId").longValue());
        assertEquals(1, child.getJsonObject("derivedFrom").getInt("version"));
        assertEquals("River Song text", child.getString("content"));
        assertEquals("DRAFT", child.getString("status"));
        ben.post("/api/works/" + childId + "/publish", Api.json()).expect(200);

        long grandchild = chen.post("/api/works/" + childId + "/fork", Api.json("title", "River Song, Shenzhen"))
                .expect(201).object().getJsonNumber("id").longValue();
        chen.post("/api/works/" + grandchild + "/publish", Api.json()).expect(200);

        // Up: the chain to the first source, each attributed.
        JsonObject last = api.get("/api/works/" + grandchild).expect(200).object();
        JsonArray up = last.getJsonObject("lineage").getJsonArray("derivedFrom");
        assertEquals(List.of(childId, root), up.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .toList());
        assertEquals("*River Song, Bristol mix* by Ben Lineage (Bristol), CC BY-SA 4.0",
                up.getJsonObject(0).getString("attribution"));
        assertEquals("*River Song* by Ana Lineage (Lyon), CC BY-SA 4.0", up.getJsonObject(1).getString("attribution"));
        assertEquals(root, up.getJsonObject(0).getJsonNumber("parentId").longValue());
        assertEquals(List.of("shenzhen"), last.getJsonArray("cities").stream()
                .map(v -> v.asJsonObject().getString("slug")).toList());

        // Down: every derived work with its parent, enough for a graph; a draft fork shows to its author only.
        long hiddenDraft = chen.post("/api/works/" + root + "/fork", Api.json()).expect(201).object()
                .getJsonNumber("id").longValue();
        JsonArray down = api.get("/api/works/" + root).expect(200).object().getJsonObject("lineage")
                .getJsonArray("derivedWorks");
        assertEquals(List.of(childId, grandchild), down.stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList());
        assertEquals(childId, down.getJsonObject(1).getJsonNumber("parentId").longValue());
        List<Long> seenByChen = chen.get("/api/works/" + root).expect(200).object().getJsonObject("lineage")
                .getJsonArray("derivedWorks").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .toList();
        assertTrue(seenByChen.contains(hiddenDraft));
        assertFalse(down.stream().anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == hiddenDraft));
    }
}
