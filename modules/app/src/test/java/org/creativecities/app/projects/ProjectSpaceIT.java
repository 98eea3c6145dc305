package org.creativecities.app.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A project's own space on the packaged server: created with the project, public like it, with a general room;
 * its active members post in its rooms over /ws and outsiders only read them; its leads add rooms, its members do
 * not; someone approved into the project posts at once, and someone who left no longer can. The project's works are
 * the works placed in its space (by its members only), its events those its leads (or administrators) make its
 * space's, and retitling the project renames its space.
 */
@ExtendWith(SharedServer.class)
class ProjectSpaceIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    private static String type(LiveClient c, long room, String id) {
        JsonObject answer = c.send(Rooms.post(room, id, "Hello " + id)).reply("f-" + id);
        return answer.getString("type").equals("error") ? answer.getString("code") : answer.getString("type");
    }

    @Test
    void membersPostInTheProjectsRoomsAndItsLeadsManageThem(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Spaceton", "film");
        TestUser lead = fixture.member(city, "Sol Lead");
        TestUser other = TestUser.register(api, "Oli Outsider");
        JsonObject project = lead.post("/api/projects", ProjectsIT.project("Harbour sounds", city)).expect(201)
                .object();
        long id = ProjectsIT.id(project);
        long space = project.getJsonNumber("space").longValue();
        assertEquals(space, api.get("/api/projects/" + id).expect(200).object().getJsonNumber("space").longValue());

        JsonObject seen = api.get("/api/spaces/" + space).expect(200).object();
        assertEquals("Harbour sounds", seen.getString("name"));
        assertEquals("PUBLIC", seen.getString("visibility"));
        assertFalse(seen.getBoolean("canPost"));
        assertTrue(lead.get("/api/spaces/" + space).expect(200).object().getBoolean("canManage"));
        assertFalse(other.get("/api/spaces/" + space).expect(200).object().getBoolean("canManage"));
        List<JsonObject> rooms = api.get("/api/spaces/" + space + "/rooms").expect(200).array()
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("general"), rooms.stream().map(r -> r.getString("name")).toList());
        long general = rooms.get(0).getJsonNumber("id").longValue();

        // Leads add rooms; outsiders do not.
        other.post("/api/spaces/" + space + "/rooms", Api.json("name", "sneaky")).expect(403);
        long studio = lead.post("/api/spaces/" + space + "/rooms", Api.json("name", "studio")).expect(201).object()
                .getJsonNumber("id").longValue();

        try (LiveClient l = LiveClient.open(lead); LiveClient o = LiveClient.open(other)) {
            l.send(Rooms.join(general, null, "j")).reply("j");
            assertEquals("welcome", o.send(Rooms.join(general, null, "j")).reply("j").getString("type"),
                    "a public project's room is read by anyone");
            o.send(Rooms.join(studio, null, "k")).reply("k");
            assertEquals("ack", type(l, general, "l1"));
            assertEquals("forbidden", type(o, general, "o1"), "an outsider reads and does not post");

            // Approved into the project, the person posts at once (the core's kept rights are dropped).
            other.post("/api/projects/" + id + "/members", Api.json()).expect(201);
            assertEquals("forbidden", type(o, studio, "o2"), "a pending request is not membership");
            lead.patch("/api/projects/" + id + "/members/" + other.id(), Api.json("decision", "approve"))
                    .expect(200);
            assertEquals("ack", type(o, studio, "o3"));
            assertTrue(other.get("/api/spaces/" + space).expect(200).object().getBoolean("canPost"));
            other.post("/api/spaces/" + space + "/rooms", Api.json("name", "mine")).expect(403);

            // Having left, they post no more.
            other.delete("/api/projects/" + id + "/members/" + other.id()).expect(204);
            assertEquals("forbidden", type(o, studio, "o4"));
        }
    }

    private static List<Long> ids(Api anonymous, String path) {
        return ids(anonymous.get(path));
    }

    private static List<Long> ids(TestUser who, String path) {
        return ids(who.get(path));
    }

    /** The ids of a list's items, in order. */
    private static List<Long> ids(Api.Response list) {
        return list.expect(200).object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).distinct().toList();
    }

    private static JsonObject work(String title, Long space) {
        JsonObject base = Api.json("kind", "text", "title", title, "content", "Notes.");
        return space == null ? base : Api.json("kind", "text", "title", title, "content", "Notes.", "spaceId", space,
                "open", true);
    }

    @Test
    void itsWorksAndEventsAreThoseOfItsSpaceAndItsSpaceFollowsItsTitle(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        fixture = new EventsFixture(admin, api);
        String city = fixture.city("Workton", "film");
        TestUser lead = fixture.member(city, "Wim Lead");
        TestUser member = fixture.member(city, "Mia Member");
        TestUser outsider = fixture.member(city, "Oda Outsider");
        JsonObject project = lead.post("/api/projects", ProjectsIT.project("Quay films", city)).expect(201).object();
        long id = ProjectsIT.id(project);
        long space = project.getJsonNumber("space").longValue();
        member.post("/api/projects/" + id + "/members", Api.json()).expect(201);
        lead.patch("/api/projects/" + id + "/members/" + member.id(), Api.json("decision", "approve")).expect(200);

        // Works: placed in the space by its members only; listed by space, drafts to the space's members only.
        outsider.post("/api/works", work("Not theirs", space)).expect(403);
        long draft = lead.post("/api/works", work("Quay script", space)).expect(201).object().getJsonNumber("id")
                .longValue();
        lead.post("/api/works", work("Elsewhere", null)).expect(201);
        String ofSpace = "/api/works?space=" + space;
        assertEquals(List.of(draft), ids(lead, ofSpace));
        assertEquals(List.of(draft), ids(member, ofSpace), "a member sees the project's open draft");
        assertEquals(List.of(), ids(outsider, ofSpace), "an outsider does not see a draft");
        assertEquals(List.of(), ids(api, ofSpace));
        assertEquals("space", api.get("/api/works?space=abc").expect(400).object().getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        api.get("/api/works?space=" + Integer.MAX_VALUE).expect(404);

        // Events: a lead (a plain member of the city: a proposal) and an administrator make them the space's; a
        // member who does not manage the space cannot.
        // Within the listing's default window (from now, a year).
        String start = LocalDate.now(ZoneOffset.UTC).plusDays(30) + "T18:00";
        String end = LocalDate.now(ZoneOffset.UTC).plusDays(30) + "T20:00";
        outsider.post("/api/events", EventsFixture.event("Sneak", city, start, end, "Europe/Paris", "space", space))
                .expect(403);
        member.post("/api/events", EventsFixture.event("Sneak", city, start, end, "Europe/Paris", "space", space))
                .expect(403);
        long proposed = EventsFixture.id(lead.post("/api/events", EventsFixture.event("Quay walk", city, start, end,
                "Europe/Paris", "space", space)).expect(201).object());
        long screening = EventsFixture.id(admin.post("/api/events", EventsFixture.event("Quay screening", city,
                LocalDate.now(ZoneOffset.UTC).plusDays(40) + "T18:00", LocalDate.now(ZoneOffset.UTC).plusDays(40) + "T20:00",
                "Europe/Paris", "space", space)).expect(201).object());
        admin.post("/api/events", EventsFixture.event("Other", city, start, end, "Europe/Paris")).expect(201);
        assertEquals(List.of(screening), ids(api, "/api/events?space=" + space));
        assertEquals(List.of(proposed, screening), ids(lead, "/api/events?space=" + space));
        assertEquals(space, api.get("/api/events/" + screening).expect(200).object().getJsonNumber("space")
                .longValue());
        assertEquals("space", lead.post("/api/events", EventsFixture.event("Nowhere", city, start, end,
                "Europe/Paris", "space", Integer.MAX_VALUE)).expect(400).object().getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        lead.patch("/api/events/" + proposed, Api.json("space", 0)).expect(200);
        assertEquals(List.of(screening), ids(lead, "/api/events?space=" + space), "no longer the space's");

        // Retitled, the project's space follows.
        lead.patch("/api/projects/" + id, Api.json("title", "Quay films, renamed")).expect(200);
        assertEquals("Quay films, renamed", api.get("/api/spaces/" + space).expect(200).object().getString("name"));
    }
}
