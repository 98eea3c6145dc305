package org.creativecities.app.security;

import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;

/** Cities, rooms and members for the render slice's security tests. */
final class RenderFixtures {

    private RenderFixtures() {
    }

    /** Opens the city, makes each person a member and returns the id of its community space's general room. */
    static long generalRoomWithMembers(TestUser admin, String city, TestUser... people) {
        admin.patch("/api/cities/" + city, Api.json("joinPolicy", "OPEN")).expect(200);
        for (TestUser p : people) {
            p.post("/api/cities/" + city + "/members", null).expect(201);
        }
        long space = admin.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        return admin.get("/api/spaces/" + space + "/rooms").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(r -> r.getString("name").equals("general")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
    }
}
