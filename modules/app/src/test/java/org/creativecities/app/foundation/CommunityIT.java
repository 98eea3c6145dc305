package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** City communities: joining, approval, roles, and every forbidden case, on the packaged server. */
@ExtendWith(SharedServer.class)
class CommunityIT {

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getJsonNumber("accountId").longValue()).toList();
    }

    @Test
    void approvalFlowAndEachRolesLimits(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser coordinatorA = TestUser.register(api, "Coordinator Ghent");
        TestUser coordinatorB = TestUser.register(api, "Coordinator Glasgow");
        TestUser applicant = TestUser.register(api, "Applicant");
        TestUser bystander = TestUser.register(api, "Bystander");

        admin.patch("/api/cities/ghent", Api.json("joinPolicy", "APPROVAL")).expect(200);
        admin.patch("/api/cities/glasgow", Api.json("joinPolicy", "OPEN")).expect(200);

        // The coordinators join and an administrator promotes them, each in their own city.
        coordinatorA.post("/api/cities/ghent/members", null).expect(202);
        admin.post("/api/cities/ghent/requests/" + coordinatorA.id() + "/approve", null).expect(200);
        admin.put("/api/cities/ghent/members/" + coordinatorA.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        coordinatorB.post("/api/cities/glasgow/members", null).expect(201);
        admin.put("/api/cities/glasgow/members/" + coordinatorB.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);

        // A city by approval records a request.
        JsonObject request = applicant.post("/api/cities/ghent/members", null).expect(202).object();
        assertEquals("PENDING", request.getString("status"));
        applicant.post("/api/cities/ghent/members", null).expect(409);
        assertEquals("PENDING", applicant.get("/api/me").expect(200).object().getJsonArray("memberships")
                .getJsonObject(0).getString("status"));

        // Visitors, members and the coordinator of another city may not decide.
        api.get("/api/cities/ghent/requests").expect(401);
        bystander.get("/api/cities/ghent/requests").expect(403);
        coordinatorB.get("/api/cities/ghent/requests").expect(403);
        coordinatorB.post("/api/cities/ghent/requests/" + applicant.id() + "/approve", null).expect(403);
        applicant.post("/api/cities/ghent/requests/" + applicant.id() + "/approve", null).expect(403);

        // The coordinator of this city does.
        assertTrue(ids(coordinatorA.get("/api/cities/ghent/requests").expect(200).object()).contains(applicant.id()));
        JsonObject approved = coordinatorA.post("/api/cities/ghent/requests/" + applicant.id() + "/approve", null)
                .expect(200).object();
        assertEquals("ACTIVE", approved.getString("status"));
        coordinatorA.post("/api/cities/ghent/requests/" + applicant.id() + "/approve", null).expect(404);
        assertTrue(ids(api.get("/api/cities/ghent/members").expect(200).object()).contains(applicant.id()));
        JsonObject ghent = api.get("/api/cities/ghent").expect(200).object();
        assertEquals(2, ghent.getInt("memberCount"));
        assertEquals(coordinatorA.id(), ghent.getJsonArray("coordinators").getJsonObject(0).getJsonNumber("accountId")
                .longValue());

        // A member cannot act as a coordinator.
        TestUser second = TestUser.register(api, "Second Applicant");
        second.post("/api/cities/ghent/members", null).expect(202);
        applicant.post("/api/cities/ghent/requests/" + second.id() + "/approve", null).expect(403);
        applicant.delete("/api/cities/ghent/members/" + coordinatorA.id()).expect(403);
        applicant.put("/api/cities/ghent/members/" + applicant.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(403);
        coordinatorA.post("/api/cities/ghent/requests/" + second.id() + "/reject", null).expect(200);
        assertEquals("REJECTED", second.get("/api/me").expect(200).object().getJsonArray("memberships")
                .getJsonObject(0).getString("status"));

        // Coordinator of Glasgow acting on Ghent: refused everywhere.
        coordinatorB.delete("/api/cities/ghent/members/" + applicant.id()).expect(403);
        coordinatorB.put("/api/cities/ghent/members/" + applicant.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(403);
        coordinatorB.patch("/api/cities/ghent", Api.json("description", "Glasgow was here")).expect(403);
        coordinatorB.patch("/api/cities/glasgow", Api.json("description", "Dear green place")).expect(200);
        coordinatorB.patch("/api/cities/glasgow", Api.json("name", "Glesga")).expect(403);

        // Coordinators promote, but only administrators demote or remove another coordinator.
        coordinatorA.put("/api/cities/ghent/members/" + applicant.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        coordinatorA.put("/api/cities/ghent/members/" + applicant.id() + "/role", Api.json("role", "MEMBER"))
                .expect(403);
        coordinatorA.delete("/api/cities/ghent/members/" + applicant.id()).expect(403);
        admin.put("/api/cities/ghent/members/" + applicant.id() + "/role", Api.json("role", "MEMBER")).expect(200);
        coordinatorA.delete("/api/cities/ghent/members/" + applicant.id()).expect(204);
        coordinatorA.delete("/api/cities/ghent/members/" + applicant.id()).expect(404);
        assertEquals(1, api.get("/api/cities/ghent").expect(200).object().getInt("memberCount"));

        // Administrators are not network members of cities, yet may act on any.
        admin.delete("/api/cities/glasgow/members/" + coordinatorB.id()).expect(204);
        api.get("/api/cities/ghent/members?role=BOSS").expect(400);
    }

    @Test
    void openCitiesAdmitAtOnceAndPeopleBelongToSeveral(Api api) {
        TestUser pat = TestUser.register(api, "Pat");
        JsonObject joined = pat.post("/api/cities/dublin/members", null).expect(201).object();
        assertEquals("ACTIVE", joined.getString("status"));
        pat.post("/api/cities/dublin/members", null).expect(409);
        pat.post("/api/cities/krakow/members", null).expect(201);
        assertEquals(2, pat.get("/api/me").expect(200).object().getJsonArray("memberships").size());
        pat.delete("/api/cities/dublin/members/me").expect(204);
        pat.delete("/api/cities/dublin/members/me").expect(404);
        assertEquals(1, pat.get("/api/me").expect(200).object().getJsonArray("memberships").size());
        api.post("/api/cities/dublin/members", null).expect(401);
        pat.post("/api/cities/atlantis/members", null).expect(404);
    }

    @Test
    void expertiseDirectoryFindsPractitionersAcrossCities(Api api) {
        String tag = "bookbinding " + System.nanoTime();
        TestUser lea = TestUser.register(api, "Lea Binder");
        TestUser ravi = TestUser.register(api, "Ravi Binder");
        TestUser other = TestUser.register(api, "Other");
        lea.patch("/api/people/" + lea.id(), Api.json("homeCity", "krakow", "fields", Json.createArrayBuilder()
                .add("literature").build(), "expertise", Json.createArrayBuilder().add(tag).build(), "languages",
                Json.createArrayBuilder().add("pl").add("en").build())).expect(200);
        ravi.patch("/api/people/" + ravi.id(), Api.json("fields", Json.createArrayBuilder().add("crafts-folk-art")
                .build(), "expertise", Json.createArrayBuilder().add(tag.toUpperCase()).build(), "languages",
                Json.createArrayBuilder().add("en").build())).expect(200);
        ravi.post("/api/cities/kanazawa/members", null).expect(201);
        other.patch("/api/people/" + other.id(), Api.json("languages", Json.createArrayBuilder().add("en").build()))
                .expect(200);

        String q = "/api/people?tag=" + tag.replace(' ', '+');
        assertEquals(2, api.get(q).expect(200).object().getInt("total"), "tags match without regard to case");
        assertEquals(List.of(lea.id()), profileIds(api.get(q + "&language=pl").expect(200).object()));
        assertEquals(List.of(ravi.id()), profileIds(api.get(q + "&field=crafts-folk-art").expect(200).object()));
        assertEquals(List.of(ravi.id()), profileIds(api.get(q + "&city=kanazawa").expect(200).object()),
                "a member of the city");
        assertEquals(List.of(lea.id()), profileIds(api.get(q + "&city=krakow").expect(200).object()),
                "a resident of the city");
        api.get("/api/people?language=French").expect(400);
        api.get("/api/people?skill=x").expect(400);
    }

    private static List<Long> profileIds(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
