package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server side of issue 17's room defects, on the packaged server: the mention form the composer writes for a
 * name with spaces, the {@code room-settings} frame that pushes lock and slow mode, and the sanctions that managers
 * list, extend and lift.
 */
@ExtendWith(SharedServer.class)
class RoomDefectsIT {

    @Test
    void theComposersMentionFormNamesAPersonWithSpacesAndSurvivesARename(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(api, "Ana Lima Mention");
        TestUser ben = TestUser.register(api, "Ben Mention");
        Rooms.members(admin, "dundee", ana, ben);
        long room = Rooms.generalRoom(ben, "dundee");
        try (LiveClient a = LiveClient.open(ana); LiveClient b = LiveClient.open(ben)) {
            a.send(Rooms.join(room, null, "j")).reply("j");
            b.send(Rooms.join(room, null, "j")).reply("j");
            long seq = b.send(Rooms.post(room, "m1", "Hi @[" + ana.id() + "], welcome")).reply("f-m1")
                    .getJsonNumber("seq").longValue();
            JsonObject mention = a.await(f -> f.getString("type").equals("mention"));
            assertEquals(seq, mention.getJsonNumber("seq").longValue());
            JsonObject delivered = a.await(f -> f.getString("type").equals("message")
                    && f.getJsonNumber("seq").longValue() == seq);
            assertEquals("Hi @[" + ana.id() + "], welcome", delivered.getString("text"));
            // "@Ana Lima Mention" notifies no Ana Lima: a name with spaces is written @[id], and only that form.
            b.send(Rooms.post(room, "m2", "@Ana Lima Mention hello")).reply("f-m2");
        }
        assertEquals(1, ana.get("/api/me/mentions?unread=true").expect(200).object().getInt("total"));
        ana.patch("/api/people/" + ana.id(), Api.json("displayName", "Ana Souza Mention")).expect(200);
        // The form is by id, so the message still names her; her profile gives the name to show now.
        List<JsonObject> history = ben.get("/api/rooms/" + room + "/history?limit=5").expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(history.stream().anyMatch(e -> e.getString("text", "").equals("Hi @[" + ana.id() + "], welcome")));
        assertEquals("Ana Souza Mention", api.get("/api/people/" + ana.id()).expect(200).object()
                .getString("displayName"));
    }

    @Test
    void lockUnlockAndSlowModeArePushedToEveryoneInTheRoom(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser coordinator = Rooms.coordinator(api, admin, "dundee", "Settings Coordinator");
        TestUser member = Rooms.member(api, admin, "dundee", "Settings Member");
        TestUser elsewhere = Rooms.member(api, admin, "dundee", "Settings Elsewhere");
        long room = newRoom(coordinator, Rooms.citySpace(coordinator, "dundee"), "Pushed settings");
        long other = Rooms.generalRoom(member, "dundee");
        try (LiveClient m = LiveClient.open(member); LiveClient c = LiveClient.open(coordinator);
             LiveClient o = LiveClient.open(elsewhere)) {
            m.send(Rooms.join(room, null, "j")).reply("j");
            c.send(Rooms.join(room, null, "j")).reply("j");
            o.send(Rooms.join(other, null, "j")).reply("j");

            coordinator.patch("/api/rooms/" + room, Api.json("locked", true)).expect(200);
            for (LiveClient client : List.of(m, c)) {
                JsonObject f = client.await(x -> x.getString("type").equals("room-settings"));
                assertEquals(room, f.getJsonNumber("room").longValue());
                assertTrue(f.getBoolean("locked"), f.toString());
                assertEquals(0, f.getInt("slowModeSeconds"));
                assertFalse(f.getBoolean("archived"));
                assertEquals(coordinator.id(), f.getJsonObject("by").getJsonNumber("id").longValue());
            }
            coordinator.patch("/api/rooms/" + room, Api.json("locked", false, "slowModeSeconds", 30)).expect(200);
            JsonObject f = m.await(x -> x.getString("type").equals("room-settings") && !x.getBoolean("locked"));
            assertEquals(30, f.getInt("slowModeSeconds"));
            // A change that changes nothing pushes nothing; a rename is not a moderation setting.
            coordinator.patch("/api/rooms/" + room, Api.json("slowModeSeconds", 30, "name", "Renamed"))
                    .expect(200);
            coordinator.patch("/api/rooms/" + room, Api.json("slowModeSeconds", 0)).expect(200);
            // The first frame (locked, no slow mode) also has slowModeSeconds 0: wait for the unlocked one.
            m.await(x -> x.getString("type").equals("room-settings") && !x.getBoolean("locked")
                    && x.getInt("slowModeSeconds") == 0);
            assertEquals(3, m.frames("room-settings").size(), m.frames("room-settings").toString());
            assertTrue(o.frames("room-settings").isEmpty(), "someone in another room hears nothing");
        }
    }

    @Test
    void managersListExtendAndLiftTheMutesAndBansOfARoomAndOfItsSpace(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser coordinator = Rooms.coordinator(api, admin, "dundee", "Sanctions Coordinator");
        TestUser muted = Rooms.member(api, admin, "dundee", "Sanctioned Muted");
        TestUser banned = Rooms.member(api, admin, "dundee", "Sanctioned Banned");
        long space = Rooms.citySpace(coordinator, "dundee");
        long room = newRoom(coordinator, space, "Sanctions");
        String moderation = "/api/rooms/" + room + "/moderation";
        coordinator.post(moderation, Api.json("action", "mute", "accountId", muted.id(), "minutes", 10)).expect(204);
        coordinator.post(moderation, Api.json("action", "ban", "accountId", banned.id(), "wholeSpace", true))
                .expect(204);

        muted.get(moderation + "/sanctions").expect(403);
        api.get(moderation + "/sanctions").expect(401);
        muted.get("/api/spaces/" + space + "/moderation/sanctions").expect(403);
        List<JsonObject> inRoom = coordinator.get(moderation + "/sanctions").expect(200).array()
                .getValuesAs(JsonObject.class);
        JsonObject mute = only(inRoom, muted);
        assertEquals("mute", mute.getString("kind"));
        assertEquals(room, mute.getJsonNumber("roomId").longValue());
        assertEquals(coordinator.name(), mute.getJsonObject("by").getString("name"));
        assertEquals(muted.name(), mute.getJsonObject("account").getString("name"));
        OffsetDateTime until = OffsetDateTime.parse(mute.getString("until"));
        JsonObject ban = only(inRoom, banned);
        assertEquals("ban", ban.getString("kind"));
        assertFalse(ban.containsKey("roomId"), "a space-wide ban names no room: " + ban);
        assertFalse(ban.containsKey("until"), "a ban until lifted has no end: " + ban);
        List<JsonObject> inSpace = coordinator.get("/api/spaces/" + space + "/moderation/sanctions").expect(200)
                .array().getValuesAs(JsonObject.class);
        only(inSpace, muted);
        only(inSpace, banned);

        // Extend: the end moves by the minutes asked; bad input is a field error; others cannot.
        String muteUri = moderation + "/sanctions/" + mute.getJsonNumber("id").longValue();
        muted.patch(muteUri, Api.json("minutes", 60)).expect(403);
        coordinator.patch(muteUri, Api.json("minutes", 0)).expect(400);
        JsonObject extended = coordinator.patch(muteUri, Api.json("minutes", 60)).expect(200).object();
        assertEquals(until.plusMinutes(60).toInstant(), OffsetDateTime.parse(extended.getString("until")).toInstant());
        coordinator.patch(moderation + "/sanctions/987654321", Api.json("minutes", 60)).expect(404);

        // Lift: the person posts again; the space-wide ban lifted from the room lets the banned read it again.
        try (LiveClient m = LiveClient.open(muted)) {
            m.send(Rooms.join(room, null, "j")).reply("j");
            assertEquals("forbidden", m.send(Rooms.post(room, "p1", "muted?")).reply("f-p1").getString("code"));
            coordinator.delete(muteUri).expect(204);
            assertEquals("ack", m.send(Rooms.post(room, "p2", "free")).reply("f-p2").getString("type"));
        }
        coordinator.delete(muteUri).expect(404);
        banned.get("/api/rooms/" + room).expect(404);
        coordinator.delete(moderation + "/sanctions/" + ban.getJsonNumber("id").longValue()).expect(204);
        banned.get("/api/rooms/" + room).expect(200);
        assertTrue(coordinator.get("/api/spaces/" + space + "/moderation/sanctions").expect(200).array()
                .getValuesAs(JsonObject.class).stream().noneMatch(s -> person(s) == muted.id()
                        || person(s) == banned.id()));

        List<String> audited = admin.get("/api/admin/audit?size=20").expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("actorId").longValue() == coordinator.id())
                .map(e -> e.getString("action"))
                .filter(a -> List.of("mute", "ban", "extend-mute", "unmute", "unban").contains(a)).toList();
        assertEquals(List.of("unban", "unmute", "extend-mute", "ban", "mute"), audited);
    }

    private static long newRoom(TestUser manager, long space, String name) {
        return manager.post("/api/spaces/" + space + "/rooms", Api.json("name", name)).expect(201).object()
                .getJsonNumber("id").longValue();
    }

    private static long person(JsonObject sanction) {
        return sanction.getJsonObject("account").getJsonNumber("id").longValue();
    }

    private static JsonObject only(List<JsonObject> sanctions, TestUser who) {
        List<JsonObject> found = sanctions.stream().filter(s -> person(s) == who.id()).toList();
        assertEquals(1, found.size(), sanctions.toString());
        return found.get(0);
    }
}
