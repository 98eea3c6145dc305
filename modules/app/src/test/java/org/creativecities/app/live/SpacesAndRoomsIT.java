package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Spaces and rooms over REST, with who may see and manage what, on the packaged server. */
@ExtendWith(SharedServer.class)
class SpacesAndRoomsIT {

    @Test
    void everyCityAndFieldHasASpaceWithAGeneralRoom(PackagedServer server, Api api) {
        TestUser visitor = TestUser.register(api, "Space Visitor");
        JsonObject dundee = visitor.get("/api/spaces?city=dundee").expect(200).array().getJsonObject(0);
        assertEquals("city-dundee", dundee.getString("slug"));
        assertEquals("PUBLIC", dundee.getString("visibility"));
        assertFalse(dundee.getBoolean("canPost"));
        JsonObject film = api.get("/api/spaces?field=film").expect(200).array().getJsonObject(0);
        assertEquals("Cities of Film", film.getString("name"));
        JsonObject general = api.get("/api/spaces/" + film.getJsonNumber("id") + "/rooms").expect(200).array()
                .getJsonObject(0);
        assertEquals("general", general.getString("name"));
        assertEquals("discussion", general.getString("kind"));
        assertEquals(0, general.getJsonNumber("lastSeq").longValue());
    }

    @Test
    void coordinatorsManageTheirCitysSpacesAndMembersOnlySpacesAreHidden(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser coordinator = TestUser.register(api, "Graz Coordinator");
        TestUser member = TestUser.register(api, "Graz Member");
        TestUser outsider = TestUser.register(api, "Outsider");
        Rooms.members(admin, "graz", coordinator, member);
        admin.put("/api/cities/graz/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);

        // Only managers create spaces and rooms.
        member.post("/api/spaces", Api.json("name", "Back room", "city", "graz", "visibility", "MEMBERS_ONLY"))
                .expect(403);
        outsider.post("/api/spaces", Api.json("name", "Cities of Everything", "field", "design")).expect(403);
        JsonObject back = coordinator.post("/api/spaces",
                Api.json("name", "Back room", "city", "graz", "visibility", "MEMBERS_ONLY")).expect(201).object();
        long backId = back.getJsonNumber("id").longValue();
        assertTrue(back.getBoolean("canManage"));

        // A members-only space does not exist for outsiders and visitors.
        outsider.get("/api/spaces/" + backId).expect(404);
        api.get("/api/spaces/" + backId + "/rooms").expect(404);
        assertFalse(outsider.get("/api/spaces?city=graz").expect(200).array().stream()
                .anyMatch(s -> s.asJsonObject().getJsonNumber("id").longValue() == backId));
        assertTrue(member.get("/api/spaces?city=graz").expect(200).array().stream()
                .anyMatch(s -> s.asJsonObject().getJsonNumber("id").longValue() == backId));

        // Rooms: unknown kinds are refused; the coordinator renames, locks, sets slow mode and archives.
        coordinator.post("/api/spaces/" + backId + "/rooms", Api.json("name", "party", "kind", "no-such-kind"))
                .expect(400);
        member.post("/api/spaces/" + backId + "/rooms", Api.json("name", "mine")).expect(403);
        JsonObject room = coordinator.post("/api/spaces/" + backId + "/rooms",
                Api.json("name", "plans", "topic", "What next")).expect(201).object();
        long roomId = room.getJsonNumber("id").longValue();
        assertEquals("discussion", room.getString("kind"));
        // A room's space, asked for by the room's id: the space's own answer, and nothing for who may not see it.
        assertEquals(member.get("/api/spaces/" + backId).expect(200).object(),
                member.get("/api/rooms/" + roomId + "/space").expect(200).object());
        outsider.get("/api/rooms/" + roomId + "/space").expect(404);
        api.get("/api/rooms/" + roomId + "/space").expect(404);
        // A city's spaces with their rooms, in one request: each as its own list answers it, only where asked for.
        JsonObject withRooms = member.get("/api/spaces?city=graz&rooms=true").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getJsonNumber("id").longValue() == backId).findFirst()
                .orElseThrow();
        assertEquals(member.get("/api/spaces/" + backId + "/rooms").expect(200).array(), withRooms.getJsonArray("rooms"));
        assertFalse(member.get("/api/spaces?city=graz").expect(200).array().getJsonObject(0).containsKey("rooms"));
        assertFalse(outsider.get("/api/spaces?city=graz&rooms=true").expect(200).array().stream()
                .anyMatch(s -> s.asJsonObject().getJsonNumber("id").longValue() == backId));
        member.get("/api/spaces?city=graz&rooms=maybe").expect(400);
        member.patch("/api/rooms/" + roomId, Api.json("locked", true)).expect(403);
        JsonObject changed = coordinator.patch("/api/rooms/" + roomId,
                Api.json("name", "next plans", "locked", true, "slowModeSeconds", 30)).expect(200).object();
        assertEquals("next plans", changed.getString("name"));
        assertTrue(changed.getBoolean("locked"));
        assertEquals(30, changed.getInt("slowModeSeconds"));
        coordinator.patch("/api/rooms/" + roomId, Api.json("archived", true)).expect(200);
        assertTrue(member.get("/api/spaces/" + backId + "/rooms").expect(200).array().isEmpty());
        assertEquals(1, member.get("/api/spaces/" + backId + "/rooms?archived=true").expect(200).array().size());

        // Network spaces are the administrators'.
        coordinator.patch("/api/spaces/" + Rooms.citySpace(admin, "graz"), Api.json("name", "Graz")).expect(200);
        long design = api.get("/api/spaces?field=design").expect(200).array().getJsonObject(0).getJsonNumber("id")
                .longValue();
        coordinator.patch("/api/spaces/" + design, Api.json("name", "Design")).expect(403);
        admin.patch("/api/spaces/" + design, Api.json("name", "Cities of Design")).expect(200);
    }

    @Test
    void historyPagesBackwardsAndForwardsBySequence(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser writer = TestUser.register(api, "Historian");
        Rooms.members(admin, "kortrijk", writer);
        long room = Rooms.generalRoom(writer, "kortrijk");
        try (LiveClient c = LiveClient.open(writer)) {
            c.send(Rooms.join(room, null, "j"));
            c.reply("j");
            for (int i = 1; i <= 7; i++) {
                c.send(Rooms.post(room, "h" + i, "line " + i));
            }
            c.reply("f-h7");
        }
        JsonObject latest = api.get("/api/rooms/" + room + "/history?limit=3").expect(200).object();
        assertEquals(java.util.List.of(5L, 6L, 7L), seqs(latest));
        assertEquals(java.util.List.of(2L, 3L, 4L),
                seqs(api.get("/api/rooms/" + room + "/history?before=5&limit=3").expect(200).object()));
        assertEquals(java.util.List.of(1L, 2L),
                seqs(api.get("/api/rooms/" + room + "/history?after=0&limit=2").expect(200).object()));
        assertEquals("line 1", api.get("/api/rooms/" + room + "/history?after=0&limit=1").expect(200).object()
                .getJsonArray("items").getJsonObject(0).getString("text"));
        api.get("/api/rooms/" + room + "/history?before=3&after=1").expect(400);
    }

    private static java.util.List<Long> seqs(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("seq").longValue())
                .toList();
    }
}
