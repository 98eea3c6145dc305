package org.creativecities.app.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Looking for expertise" on the packaged server: a lead posts a need, and the expertise directory suggests people
 * whose tags match it through an accent difference or a near-synonym (shipped, or added by an administrator), ranked
 * above someone who shares only the fields; the lead invites a match, who is then marked invited.
 */
@ExtendWith(SharedServer.class)
class ProjectNeedsIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    private static JsonArray list(String... values) {
        return Json.createArrayBuilder(List.of(values)).build();
    }

    private static TestUser person(Api api, String name, JsonArray expertise, JsonArray fields, JsonArray languages) {
        TestUser user = TestUser.register(api, name);
        user.patch("/api/people/" + user.id(), Api.json("expertise", expertise, "fields", fields,
                "languages", languages)).expect(200);
        return user;
    }

    private static List<Long> ranked(JsonObject matches) {
        return matches.getJsonArray("items").stream().map(m -> m.asJsonObject().getJsonNumber("accountId")
                .longValue()).toList();
    }

    private static JsonObject match(JsonObject matches, TestUser who) {
        return matches.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(m -> m.getJsonNumber("accountId").longValue() == who.id()).findFirst().orElseThrow();
    }

    @Test
    void matchesThroughAccentsAndSynonymsRankAboveAFieldOnlyMatch(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        fixture = new EventsFixture(admin, api);
        String city = fixture.city("Needham", "film");
        TestUser lead = fixture.member(city, "Nell Lead");
        TestUser member = fixture.member(city, "Mo Member");
        TestUser stranger = TestUser.register(api, "Sten Stranger");
        long id = ProjectsIT.id(lead.post("/api/projects", ProjectsIT.project("River sounds", city)).expect(201)
                .object());
        String needs = "/api/projects/" + id + "/needs";
        lead.post("/api/projects/" + id + "/members", Api.json("accountId", member.id())).expect(201);
        member.post("/api/projects/" + id + "/members", Api.json()).expect(200);

        TestUser accent = person(api, "Aurore Accent", list("createur sonore"), list(), list("fr"));
        TestUser synonym = person(api, "Sam Synonym", list("Audio Designer"), list(), list("de"));
        TestUser fieldOnly = person(api, "Fay Fieldonly", list("Pottery"), list("film", "gastronomy"), list("de"));

        // Posting: leads only, input checked by field.
        member.post(needs, Api.json("skill", "x")).expect(403);
        assertEquals("skill", lead.post(needs, Api.json("skill", " ")).expect(400).object().getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        assertEquals("languages[0]", lead.post(needs, Api.json("skill", "Sound", "languages", list("French")))
                .expect(400).object().getJsonArray("errors").getJsonObject(0).getString("field"));
        JsonObject need = lead.post(needs, Api.json("skill", "Créateur sonore", "description",
                "For a film about river cities", "fields", list("film", "gastronomy"), "languages", list("fr", "en")))
                .expect(201).object();
        assertEquals(List.of("film", "gastronomy"), need.getJsonArray("fields").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(1, api.get(needs).expect(200).object().getJsonArray("items").size());

        // Matches: members of the project only.
        String matches = need.getString("matches");
        api.get(matches).expect(401);
        stranger.get(matches).expect(403);
        JsonObject found = member.get(matches).expect(200).object();
        List<Long> order = ranked(found);
        assertTrue(order.contains(accent.id()), found::toString);
        assertTrue(order.contains(synonym.id()), found::toString);
        assertTrue(order.contains(fieldOnly.id()), found::toString);
        assertTrue(order.indexOf(accent.id()) < order.indexOf(fieldOnly.id()), found::toString);
        assertTrue(order.indexOf(synonym.id()) < order.indexOf(fieldOnly.id()), found::toString);
        assertEquals(List.of("skill", "language"), match(found, accent).getJsonArray("reasons")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(8, match(found, synonym).getInt("score"));
        assertEquals(6, match(found, fieldOnly).getInt("score"));
        assertFalse(order.contains(member.id()) || order.contains(lead.id()));
        lead.get("/api/projects/" + id + "/needs/999999999/matches").expect(404);

        // The lead invites a match.
        assertEquals("invited", lead.post("/api/projects/" + id + "/members", Api.json("accountId", synonym.id()))
                .expect(201).object().getString("state"));
        JsonObject after = lead.get(matches).expect(200).object();
        assertEquals("invited", match(after, synonym).getString("state"), after::toString);
        assertFalse(match(after, accent).containsKey("state") && !match(after, accent).isNull("state"));
    }

    @Test
    void administratorsExtendTheSynonyms(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        fixture = new EventsFixture(admin, api);
        String city = fixture.city("Luthierville", "music");
        TestUser lead = fixture.member(city, "Lia Lead");
        long id = ProjectsIT.id(lead.post("/api/projects", ProjectsIT.project("Strings", city)).expect(201)
                .object());
        TestUser maker = person(api, "Ike Instrument", list("Instrument maker"), list(), list());
        String synonyms = "/api/admin/projects/synonyms";

        lead.get(synonyms).expect(403);
        JsonObject before = admin.get(synonyms).expect(200).object();
        assertFalse(before.getJsonArray("shipped").isEmpty());
        assertEquals("groups[0][1]", admin.put(synonyms, Api.json("groups", Json.createArrayBuilder()
                .add(list("luthier", "a|b")).build())).expect(400).object().getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        String matches = lead.post("/api/projects/" + id + "/needs", Api.json("skill", "Luthière", "fields",
                list("music"))).expect(201).object().getString("matches");
        assertFalse(ranked(lead.get(matches).expect(200).object()).contains(maker.id()));
        try {
            JsonArray groups = Json.createArrayBuilder(before.getJsonArray("groups"))
                    .add(list("luthier", "luthière", "instrument maker")).build();
            assertEquals(groups, admin.put(synonyms, Api.json("groups", groups)).expect(200).object()
                    .getJsonArray("groups"));
            assertTrue(ranked(lead.get(matches).expect(200).object()).contains(maker.id()));
        } finally {
            admin.put(synonyms, Api.json("groups", before.getJsonArray("groups"))).expect(200);
        }
    }
}
