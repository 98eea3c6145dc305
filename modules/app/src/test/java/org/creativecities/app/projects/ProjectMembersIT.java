package org.creativecities.app.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A project's people on the packaged server: join requests for open projects decided by a lead, invitations
 * accepted by the invitee, roles, leaving, and the last lead who cannot leave; every call checked on the server.
 */
@ExtendWith(SharedServer.class)
class ProjectMembersIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    private static List<String> people(Api.Response list) {
        return list.expect(200).object().getJsonArray("items").stream().map(JsonObject.class::cast)
                .map(m -> m.getString("displayName") + ":" + m.getString("role") + ":" + m.getString("state"))
                .toList();
    }

    @Test
    void requestsInvitationsRolesAndLeaving(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Memberton", "music");
        TestUser lead = fixture.member(city, "Lou Lead");
        TestUser joiner = TestUser.register(api, "Jo Joiner");
        TestUser guest = TestUser.register(api, "Gus Guest");
        TestUser nosy = TestUser.register(api, "Nia Nosy");
        long id = ProjectsIT.id(lead.post("/api/projects", ProjectsIT.project("Sound map", city)).expect(201)
                .object());
        String members = "/api/projects/" + id + "/members";

        // A join request: pending, seen by the lead and the asker only, decided by the lead.
        api.post(members, Api.json()).expect(401);
        JsonObject asked = joiner.post(members, Api.json()).expect(201).object();
        assertEquals("requested", asked.getString("state"));
        joiner.post(members, Api.json()).expect(409);
        assertEquals(List.of("Lou Lead:lead:active"), people(api.get(members)));
        assertEquals(List.of("Lou Lead:lead:active", "Jo Joiner:member:requested"), people(lead.get(members)));
        assertEquals(city, api.get(members).object().getJsonArray("items").getJsonObject(0).getJsonObject("city")
                .getString("slug"));
        joiner.patch(members + "/" + joiner.id(), Api.json("decision", "approve")).expect(403);
        nosy.patch(members + "/" + joiner.id(), Api.json("decision", "approve")).expect(404);
        lead.patch(members + "/" + joiner.id(), Api.json("decision", "maybe")).expect(400);
        assertEquals("active", lead.patch(members + "/" + joiner.id(), Api.json("decision", "approve"))
                .expect(200).object().getString("state"));

        // An invitation: only a lead invites; the invitee accepts.
        joiner.post(members, Api.json("accountId", guest.id())).expect(403);
        lead.post(members, Api.json("accountId", 999_999_999L)).expect(400);
        assertEquals("invited", lead.post(members, Api.json("accountId", guest.id())).expect(201).object()
                .getString("state"));
        lead.post(members, Api.json("accountId", guest.id())).expect(409);
        lead.patch(members + "/" + guest.id(), Api.json("decision", "accept")).expect(403);
        assertEquals("active", guest.patch(members + "/" + guest.id(), Api.json("decision", "accept")).expect(200)
                .object().getString("state"));
        assertEquals(3, api.get("/api/projects/" + id).expect(200).object().getInt("memberCount"));

        // The last lead cannot leave; once another is lead, they can. Members leave; strangers remove no one.
        lead.delete(members + "/" + lead.id()).expect(409);
        lead.patch(members + "/" + lead.id(), Api.json("role", "member")).expect(409);
        joiner.patch(members + "/" + guest.id(), Api.json("role", "lead")).expect(403);
        nosy.delete(members + "/" + guest.id()).expect(403);
        assertEquals("lead", lead.patch(members + "/" + joiner.id(), Api.json("role", "lead")).expect(200).object()
                .getString("role"));
        guest.delete(members + "/" + guest.id()).expect(204);
        lead.delete(members + "/" + lead.id()).expect(204);
        assertEquals(List.of("Jo Joiner:lead:active"), people(api.get(members)));
        joiner.delete(members + "/" + joiner.id()).expect(409);

        // A closed project takes people by invitation only; an invitation can be declined.
        assertTrue(!joiner.patch("/api/projects/" + id, Api.json("open", false)).expect(200).object()
                .getBoolean("open"));
        nosy.post(members, Api.json()).expect(409);
        joiner.post(members, Api.json("accountId", nosy.id())).expect(201);
        nosy.patch(members + "/" + nosy.id(), Api.json("decision", "decline")).expect(204);
        assertEquals(List.of("Jo Joiner:lead:active"), people(joiner.get(members)));
        api.get("/api/projects/999999999/members").expect(404);
    }
}
