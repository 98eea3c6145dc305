package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plugin's listing of its rooms ({@code RoomService.list}, API 1.3) filters for the caller: through the
 * {@code test-rooms} plugin's public route, a relay room in a members-only space is listed to its space's members
 * and administrators, never to a visitor or to someone who is not a member (issue 15's privacy leak, closed in the
 * API).
 */
@ExtendWith(SharedServer.class)
class PluginRoomListingIT {

    private static final String CITY = "gdynia";
    private static final String ROUTE = "/api/plugins/test-rooms/cities/" + CITY + "/rooms";

    private static Map<String, JsonObject> listed(Api.Response r) {
        return r.expect(200).array().stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(o -> o.getString("id"), Function.identity()));
    }

    private static String relayRoom(TestUser someone, long space, String name) {
        return String.valueOf(someone.post("/api/spaces/" + space + "/rooms", Api.json("name", name, "kind", "relay"))
                .expect(201).object().getJsonNumber("id").longValue());
    }

    @Test
    void aMembersOnlyRoomIsListedToItsReadersOnly(PackagedServer server, Api visitor) {
        PluginAdmin plugins = PluginAdmin.of(server);
        synchronized (PluginRoomServicesIT.class) {
            if (plugins.get("/api/admin/plugins/test-rooms").status() == 404) {
                plugins.install(PluginJars.built("rooms"));
            }
        }
        TestUser admin = TestUser.admin(server);
        TestUser member = Rooms.member(server.api(), admin, CITY, "Listed Member");
        TestUser outsider = TestUser.register(server.api(), "Listing Outsider");
        long inner = admin.post("/api/spaces", Api.json("name", "Listing circle " + System.nanoTime(), "city", CITY,
                "visibility", "MEMBERS_ONLY")).expect(201).object().getJsonNumber("id").longValue();
        String secret = relayRoom(admin, inner, "Secret relay");
        String open = relayRoom(admin, Rooms.citySpace(admin, CITY), "Open relay");

        for (Api.Response r : new Api.Response[] {visitor.get(ROUTE), outsider.get(ROUTE),
                visitor.get("/api/plugins/test-rooms/rooms")}) {
            Map<String, JsonObject> seen = listed(r);
            assertTrue(seen.containsKey(open), "the public room is listed: " + seen.keySet());
            assertTrue(!seen.containsKey(secret), "the members-only room is not listed to a non-member: " + seen);
            assertTrue(seen.values().stream().noneMatch(o -> o.getBoolean("membersOnly")), seen.toString());
        }
        Map<String, JsonObject> members = listed(member.get(ROUTE));
        assertTrue(members.get(secret).getBoolean("membersOnly"), members.toString());
        assertEquals("Secret relay", members.get(secret).getString("name"));
        assertTrue(listed(admin.get("/api/plugins/test-rooms/rooms")).containsKey(secret), "administrators read all");
        assertEquals(404, visitor.get("/api/rooms/" + secret).status(), "as the core's own page answers a visitor");
    }
}
