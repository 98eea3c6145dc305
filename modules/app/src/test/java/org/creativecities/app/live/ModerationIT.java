package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Moderation by a city's coordinator, its effect on live connections, and the audit log, on the packaged server. */
@ExtendWith(SharedServer.class)
class ModerationIT {

    @Test
    void aCoordinatorModeratesAndEveryActionIsAudited(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser coordinator = TestUser.register(api, "Bologna Coordinator");
        TestUser member = TestUser.register(api, "Bologna Member");
        Rooms.members(admin, "bologna", coordinator, member);
        admin.put("/api/cities/bologna/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        long room = Rooms.generalRoom(member, "bologna");
        String path = "/api/rooms/" + room + "/moderation";

        try (LiveClient m = LiveClient.open(member); LiveClient c = LiveClient.open(coordinator)) {
            m.send(Rooms.join(room, null, "j")).reply("j");
            c.send(Rooms.join(room, null, "j")).reply("j");
            long seq = m.send(Rooms.post(room, "m1", "spam")).reply("f-m1").getJsonNumber("seq").longValue();

            // Members cannot moderate; the coordinator deletes any message.
            member.post(path, Api.json("action", "mute", "accountId", coordinator.id())).expect(403);
            c.send(Api.json("type", "delete", "room", room, "target", seq, "id", "del"));
            assertEquals("ack", c.reply("del").getString("type"));

            // Muted: reads, cannot post; unmuted: posts again.
            coordinator.post(path, Api.json("action", "mute", "accountId", member.id(), "minutes", 10)).expect(204);
            assertEquals("forbidden", m.send(Rooms.post(room, "m2", "hello?")).reply("f-m2").getString("code"));
            coordinator.post(path, Api.json("action", "unmute", "accountId", member.id())).expect(204);
            assertEquals("ack", m.send(Rooms.post(room, "m3", "hello")).reply("f-m3").getString("type"));

            // Slow mode and lock, through the room's settings.
            coordinator.patch("/api/rooms/" + room, Api.json("slowModeSeconds", 3600)).expect(200);
            assertEquals("slow-mode", m.send(Rooms.post(room, "m4", "again")).reply("f-m4").getString("code"));
            coordinator.patch("/api/rooms/" + room, Api.json("slowModeSeconds", 0, "locked", true)).expect(200);
            assertEquals("forbidden", m.send(Rooms.post(room, "m5", "locked?")).reply("f-m5").getString("code"));
            coordinator.patch("/api/rooms/" + room, Api.json("locked", false)).expect(200);

            // Kicked: out of the room at once, may come back.
            coordinator.post(path, Api.json("action", "kick", "accountId", member.id())).expect(204);
            assertEquals(room, m.await(f -> f.getString("code", "").equals("kicked")).getJsonNumber("room")
                    .longValue());
            assertEquals("not-joined", m.send(Rooms.post(room, "m6", "back?")).reply("f-m6").getString("code"));
            assertEquals("welcome", m.send(Rooms.join(room, null, "j2")).reply("j2").getString("type"));

            // Banned from the whole space: out, and the room no longer exists for them.
            coordinator.post(path, Api.json("action", "ban", "accountId", member.id(), "wholeSpace", true))
                    .expect(204);
            m.await(f -> f.getString("code", "").equals("banned"));
            assertEquals("not-found", m.send(Rooms.join(room, null, "j3")).reply("j3").getString("code"));
            member.get("/api/rooms/" + room).expect(404);
            coordinator.post(path, Api.json("action", "unban", "accountId", member.id(), "wholeSpace", true))
                    .expect(204);
            assertEquals("welcome", m.send(Rooms.join(room, null, "j4")).reply("j4").getString("type"));
        }

        coordinator.get("/api/admin/audit").expect(403);
        List<JsonObject> entries = admin.get("/api/admin/audit?size=100").expect(200).object().getJsonArray("items")
                .stream().map(v -> v.asJsonObject())
                .filter(e -> e.getJsonNumber("actorId").longValue() == coordinator.id()).toList();
        List<String> actions = new java.util.ArrayList<>(entries.stream().map(e -> e.getString("action")).toList());
        java.util.Collections.reverse(actions);
        assertEquals(List.of("delete-message", "mute", "unmute", "slow-mode", "lock-room", "slow-mode",
                "unlock-room", "kick", "ban", "unban"), actions);
        JsonObject deletion = entries.get(entries.size() - 1);
        assertEquals(member.id(), deletion.getJsonNumber("targetAccountId").longValue());
        assertTrue(deletion.getJsonNumber("targetSeq").longValue() > 0);
        assertEquals(room, deletion.getJsonNumber("room").longValue());
    }
}
