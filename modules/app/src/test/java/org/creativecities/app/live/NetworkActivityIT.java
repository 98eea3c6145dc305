package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The home page's data: the network map and the recent public activity, and what a visitor may not see. */
@ExtendWith(SharedServer.class)
class NetworkActivityIT {

    private static List<JsonObject> activity(Api api) {
        return api.get("/api/activity?limit=50").expect(200).array().stream().map(v -> v.asJsonObject()).toList();
    }

    private static boolean mentionsRoom(List<JsonObject> events, String kind, long room) {
        return events.stream().anyMatch(e -> e.getString("kind").equals(kind) && !e.isNull("room")
                && e.getJsonObject("room").getJsonNumber("id").longValue() == room);
    }

    @Test
    void theMapListsEveryActiveCityWithItsCoordinatesInOneAnswer(Api api) {
        JsonArray map = api.get("/api/stats/map").expect(200).array();
        JsonObject stats = api.get("/api/stats").expect(200).object();
        assertEquals(stats.getInt("cities"), map.size(), "every active city of the seed has coordinates");
        assertTrue(map.size() > 100, "more than one page of the city list");
        Set<String> slugs = new HashSet<>();
        map.forEach(v -> slugs.add(v.asJsonObject().getString("slug")));
        assertEquals(map.size(), slugs.size(), "one point per city");
        JsonObject lyon = map.stream().map(v -> v.asJsonObject()).filter(c -> c.getString("slug").equals("lyon"))
                .findFirst().orElseThrow();
        assertEquals("Lyon", lyon.getString("name"));
        assertEquals("literature", lyon.getString("field"));
        assertEquals(45.76, lyon.getJsonNumber("lat").doubleValue(), 0.1);
        assertEquals(4.84, lyon.getJsonNumber("lon").doubleValue(), 0.1);
    }

    @Test
    void activityShowsPublicEventsNewestFirstAndNeverAMembersOnlySpace(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(api, "Ana Activity");
        Rooms.members(admin, "ljubljana", ana);
        admin.put("/api/cities/ljubljana/members/" + ana.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);

        long publicSpace = Rooms.citySpace(ana, "ljubljana");
        long opened = ana.post("/api/spaces/" + publicSpace + "/rooms", Api.json("name", "poetry-night"))
                .expect(201).object().getJsonNumber("id").longValue();
        long secretSpace = ana.post("/api/spaces", Api.json("name", "Editors' table", "city", "ljubljana",
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        long secret = ana.post("/api/spaces/" + secretSpace + "/rooms", Api.json("name", "secret-plans"))
                .expect(201).object().getJsonNumber("id").longValue();
        try (LiveClient live = LiveClient.open(ana)) {
            for (long room : new long[] {opened, secret}) {
                live.send(Rooms.join(room, null, "j" + room)).reply("j" + room);
                live.send(Rooms.post(room, "m" + room, "a line only members read in " + room));
                assertEquals("ack", live.reply("f-m" + room).getString("type"));
            }
        }

        List<JsonObject> events = activity(api);
        assertTrue(events.stream().anyMatch(e -> e.getString("kind").equals("MEMBER_JOINED")
                && e.getString("person").equals("Ana Activity")
                && e.getJsonObject("city").getString("slug").equals("ljubljana")), events.toString());
        assertTrue(mentionsRoom(events, "ROOM_OPENED", opened), events.toString());
        assertTrue(mentionsRoom(events, "DISCUSSION", opened), events.toString());
        JsonObject discussion = events.stream().filter(e -> e.getString("kind").equals("DISCUSSION")
                && e.getJsonObject("room").getJsonNumber("id").longValue() == opened).findFirst().orElseThrow();
        assertEquals("Ljubljana community", discussion.getJsonObject("room").getString("spaceName"));
        assertEquals("literature", discussion.getJsonObject("city").getString("field"));

        assertFalse(mentionsRoom(events, "ROOM_OPENED", secret), "a members-only room stays private");
        assertFalse(mentionsRoom(events, "DISCUSSION", secret), "a members-only conversation stays private");
        String body = api.get("/api/activity?limit=50").expect(200).body();
        assertFalse(body.contains("secret-plans") || body.contains("Editors") || body.contains("only members read"),
                "neither members-only names nor message text leak: " + body);
        assertFalse(ana.get("/api/activity?limit=50").expect(200).body().contains("secret-plans"),
                "the feed is the public view, whoever asks");
        for (int i = 1; i < events.size(); i++) {
            assertFalse(OffsetDateTime.parse(events.get(i - 1).getString("at"))
                    .isBefore(OffsetDateTime.parse(events.get(i).getString("at"))), "newest first: " + events);
        }
        assertEquals(3, api.get("/api/activity?limit=3").expect(200).array().size());
        api.get("/api/activity?limit=0").expect(400);
        api.get("/api/activity?limit=51").expect(400);
        api.get("/api/activity?limit=ten").expect(400);

        // A city an administrator adds is news; a retired one disappears.
        JsonObject city = admin.post("/api/cities", Api.json("name", "Activityville", "countryCode", "SI",
                "latitude", 46.0, "longitude", 14.0, "designations",
                List.of(Api.json("field", "design", "year", 2026)))).expect(201).object();
        String slug = city.getString("slug");
        try {
            assertTrue(activity(api).stream().anyMatch(e -> e.getString("kind").equals("CITY_JOINED")
                    && e.getJsonObject("city").getString("slug").equals(slug)));
            assertTrue(api.get("/api/stats/map").expect(200).array().stream()
                    .anyMatch(v -> v.asJsonObject().getString("slug").equals(slug)));
        } finally {
            admin.delete("/api/cities/" + slug).expect(204);
        }
        assertTrue(activity(api).stream().noneMatch(e -> !e.isNull("city")
                && e.getJsonObject("city").getString("slug").equals(slug)), "retired cities leave the feed");
        assertTrue(api.get("/api/stats/map").expect(200).array().stream()
                .noneMatch(v -> v.asJsonObject().getString("slug").equals(slug)));
    }
}
