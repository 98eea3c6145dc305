package org.creativecities.app.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
 * not; someone approved into the project posts at once, and someone who left no longer can.
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
}
