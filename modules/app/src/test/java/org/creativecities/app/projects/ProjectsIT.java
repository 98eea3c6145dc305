package org.creativecities.app.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
 * Cross-city projects on the packaged server: only an active member of one of its cities starts one and becomes its
 * lead, the goal is rendered safely, only leads change it, and bad input is a problem document naming the field.
 */
@ExtendWith(SharedServer.class)
class ProjectsIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    static JsonObject project(String title, String... cities) {
        return Api.json("title", title, "goal", "A film about **river cities**.<script>alert(1)</script>",
                "cities", Json.createArrayBuilder(List.of(cities)).build(),
                "fields", Json.createArrayBuilder().add("film").build());
    }

    static long id(JsonObject project) {
        return project.getJsonNumber("id").longValue();
    }

    @Test
    void aMemberOfOneOfItsCitiesStartsAProjectAndLeadsIt(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String lyon = fixture.city("Riverlyon", "film");
        String porto = fixture.city("Riverporto", "film");
        TestUser lead = fixture.member(lyon, "Léa Lead");
        TestUser outsider = TestUser.register(api, "Otto Outsider");

        api.post("/api/projects", project("Rivers", lyon, porto)).expect(401);
        outsider.post("/api/projects", project("Rivers", lyon, porto)).expect(403);

        JsonObject created = lead.post("/api/projects", project("Rivers", lyon, porto)).expect(201).object();
        long id = id(created);
        assertEquals("lead", created.getString("myRole"));
        assertEquals("active", created.getString("myState"));
        assertTrue(created.getBoolean("canEdit"));
        assertTrue(created.getBoolean("open"));
        assertEquals(1, created.getInt("memberCount"));
        assertEquals(lead.id(), created.getJsonArray("leads").getJsonObject(0).getJsonNumber("accountId")
                .longValue());
        assertEquals(2, created.getJsonArray("cities").size());
        assertTrue(created.getString("goalHtml").contains("<strong>river cities</strong>"));
        assertFalse(created.getString("goalHtml").contains("<script"));

        JsonObject seen = api.get("/api/projects/" + id).expect(200).object();
        assertEquals("Rivers", seen.getString("title"));
        assertFalse(seen.getBoolean("canEdit"));
        assertTrue(api.get("/api/projects?city=" + porto).expect(200).object().getJsonArray("items").stream()
                .anyMatch(p -> id(p.asJsonObject()) == id));
        assertEquals(List.of("film"), seen.getJsonArray("fields").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());

        outsider.patch("/api/projects/" + id, Api.json("title", "Mine")).expect(403);
        api.patch("/api/projects/" + id, Api.json("title", "Mine")).expect(401);
        JsonObject changed = lead.patch("/api/projects/" + id, Api.json("title", "Rivers of the world", "open", false))
                .expect(200).object();
        assertEquals("Rivers of the world", changed.getString("title"));
        assertFalse(changed.getBoolean("open"));
        api.get("/api/projects/999999999").expect(404);
    }

    @Test
    void badInputIsAProblemNamingTheField(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Problemville", "design");
        TestUser lead = fixture.member(city, "Pia Problem");

        Api.Response noTitle = lead.post("/api/projects", Api.json("goal", "x", "cities",
                Json.createArrayBuilder().add(city).build())).expect(400);
        assertTrue(noTitle.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("title", noTitle.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("cities[1]", lead.post("/api/projects", project("T", city, "atlantis-nowhere")).expect(400)
                .object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("goal", lead.post("/api/projects", Api.json("title", "T", "cities",
                Json.createArrayBuilder().add(city).build())).expect(400).object().getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        assertEquals("fields[0]", lead.post("/api/projects", Api.json("title", "T", "goal", "g", "cities",
                Json.createArrayBuilder().add(city).build(), "fields", Json.createArrayBuilder().add("juggling")
                        .build())).expect(400).object().getJsonArray("errors").getJsonObject(0).getString("field"));
        lead.get("/api/projects?field=juggling").expect(400);
    }

    @Test
    void milestonesAndTheNextOne(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Milestoneville", "literature");
        TestUser lead = fixture.member(city, "Mila Lead");
        TestUser other = fixture.member(city, "Oli Other");
        long id = id(lead.post("/api/projects", project("Chapters", city)).expect(201).object());
        String milestones = "/api/projects/" + id + "/milestones";
        JsonObject fresh = api.get("/api/projects/" + id).expect(200).object();
        assertTrue(!fresh.containsKey("nextMilestone") || fresh.isNull("nextMilestone"), fresh::toString);

        other.post(milestones, Api.json("title", "Mine", "date", "2099-01-01")).expect(403);
        api.post(milestones, Api.json("title", "Mine", "date", "2099-01-01")).expect(401);
        assertEquals("date", lead.post(milestones, Api.json("title", "Draft", "date", "31/12/2099")).expect(400)
                .object().getJsonArray("errors").getJsonObject(0).getString("field"));
        lead.post(milestones, Api.json("title", "Kick-off", "date", "2020-01-15")).expect(201);
        lead.post(milestones, Api.json("title", "Premiere", "date", "2099-06-01")).expect(201);
        JsonObject draft = lead.post(milestones, Api.json("title", "First draft", "date", "2098-03-01")).expect(201)
                .object();
        assertEquals("2098-03-01", draft.getString("date"));

        assertEquals(List.of("Kick-off", "First draft", "Premiere"), api.get(milestones).expect(200).object()
                .getJsonArray("items").stream().map(m -> m.asJsonObject().getString("title")).toList());
        JsonObject next = api.get("/api/projects/" + id).expect(200).object().getJsonObject("nextMilestone");
        assertEquals("First draft", next.getString("title"));
        assertEquals("2098-03-01", next.getString("date"));
    }
}
