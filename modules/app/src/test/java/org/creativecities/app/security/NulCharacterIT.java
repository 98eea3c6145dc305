package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The NUL character (U+0000) is text that no field of the platform takes, and that PostgreSQL refuses in any text
 * value ("invalid byte sequence for encoding UTF8: 0x00"): on PostgreSQL a query parameter holding it was a database
 * error, answered 500. It is refused where it arrives, with the same answer on H2 and PostgreSQL: 400 from a query
 * parameter or a JSON string, an error frame from a live frame, and nothing is stored.
 */
@ExtendWith(SharedServer.class)
class NulCharacterIT {

    @Test
    void aNulInAQueryParameterIs400BeforeAnyLookUp(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        JsonObject problem = admin.get("/api/admin/plugins/film/settings?city=%00").expect(400).object();
        assertEquals(400, problem.getInt("status"));
        assertFalse(problem.toString().contains("Exception"), problem.toString());
        api.get("/api/spaces?city=lyon%00").expect(400);
        api.get("/api/cities/lyon").expect(200);
    }

    @Test
    void aNulInAJsonStringIs400AndNamesTheField(Api api) {
        TestUser ana = TestUser.register(api, "Nul Ana");
        JsonObject problem = ana.send("PATCH", "/api/people/" + ana.id(), Api.json("bio", "before\u0000after"))
                .expect(400).object();
        assertEquals("bio", problem.getJsonArray("errors").getJsonObject(0).getString("field"), problem.toString());
        assertFalse(ana.get("/api/people/" + ana.id()).expect(200).object().toString().contains("before"),
                "nothing stored");
    }

    @Test
    void aNulInALivePostIsAnErrorFrameAndTheRoomGoesOn(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser ben = TestUser.register(api, "Nul Ben");
        Rooms.members(admin, "dunedin", ben);
        long room = Rooms.generalRoom(ben, "dunedin");
        try (LiveClient c = LiveClient.open(ben)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            c.send(Api.json("type", "post", "room", room, "clientMessageId", "n1", "text", "a\u0000b", "id", "n1"));
            JsonObject refused = c.reply("n1");
            assertEquals("bad-frame", refused.getString("code", null), refused.toString());
            JsonObject next = c.send(Rooms.post(room, "n2", "after the refused one")).reply("f-n2");
            assertTrue(next.containsKey("seq") && !next.containsKey("code"), "the next post is stored: " + next);
        }
    }
}
