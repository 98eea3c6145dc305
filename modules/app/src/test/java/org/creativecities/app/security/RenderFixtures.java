package org.creativecities.app.security;

import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
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

    /**
     * Two new members of a city in its general room, each with a live connection that joined it.
     *
     * @param reader the second member (the first one posts)
     * @param a      the first member's connection
     * @param b      the second member's connection
     * @param room   the room
     * @param start  the room's latest seq when both had joined
     */
    record Chat(TestUser reader, LiveClient a, LiveClient b, long room, long start) implements AutoCloseable {

        static Chat open(PackagedServer server, Api api, String city, String tag) {
            TestUser admin = TestUser.admin(server);
            TestUser poster = TestUser.register(api, "Ana " + tag);
            TestUser reader = TestUser.register(api, "Ben " + tag);
            long room = generalRoomWithMembers(admin, city, poster, reader);
            LiveClient a = LiveClient.open(poster);
            LiveClient b = LiveClient.open(reader);
            a.send(Rooms.join(room, null, "ja")).reply("ja");
            long start = b.send(Rooms.join(room, null, "jb")).reply("jb").getJsonNumber("latestSeq").longValue();
            return new Chat(reader, a, b, room, start);
        }

        @Override
        public void close() {
            a.close();
            b.close();
        }
    }
}
