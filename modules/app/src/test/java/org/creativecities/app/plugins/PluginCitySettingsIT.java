package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings a plugin opens to city coordinators (the translated test plugin: two settings changeable by
 * CITY_COORDINATOR, two by ADMIN only), on the running packaged server: who may read and change a city's values
 * through {@code /api/cities/{slug}/modules/{pluginId}/settings}, and that only the plugin's open settings of a city
 * where it is enabled can be changed there. The test works in two cities of its own and retires them at the end.
 */
@ExtendWith(SharedServer.class)
class PluginCitySettingsIT {

    private static String pluginId;
    private static String here;
    private static String there;
    private static TestUser admin;
    private static TestUser coordinator;
    private static TestUser otherCoordinator;
    private static TestUser member;

    @BeforeAll
    static void setUp(PackagedServer server) {
        pluginId = "it-city-settings-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        PluginAdmin.of(server).install(PluginJars.variant("translated", Map.of("Plugin-Id", pluginId), Map.of()));
        admin = TestUser.admin(server);
        here = city("Coordinated");
        there = city("Elsewhere");
        coordinator = coordinatorOf(server, here, "Here Coordinator");
        otherCoordinator = coordinatorOf(server, there, "There Coordinator");
        member = TestUser.register(server.api(), "Here Member");
        member.send("POST", "/api/cities/" + here + "/members", null).expect(201);
    }

    @AfterAll
    static void tearDown(PackagedServer server) {
        PluginAdmin.of(server).remove(pluginId);
        for (String slug : new String[] {here, there}) {
            if (slug != null) {
                admin.send("DELETE", "/api/cities/" + slug, null).expect(204);
            }
        }
    }

    private static String city(String name) {
        return admin.send("POST", "/api/cities", Api.json("name", name + " " + System.nanoTime(), "countryCode", "FR",
                "latitude", 45.76, "longitude", 4.84, "website", "https://example.org/tasting", "joinPolicy", "OPEN",
                "designations", Json.createArrayBuilder().add(Api.json("field", "gastronomy", "year", 2019)).build()))
                .expect(201).object().getString("slug");
    }

    private static TestUser coordinatorOf(PackagedServer server, String city, String name) {
        TestUser user = TestUser.register(server.api(), name);
        user.send("POST", "/api/cities/" + city + "/members", null).expect(201);
        admin.send("PUT", "/api/cities/" + city + "/members/" + user.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        return user;
    }

    private static String path(String city) {
        return "/api/cities/" + city + "/modules/" + pluginId + "/settings";
    }

    private static Map<String, JsonObject> byKey(JsonObject view) {
        return view.getJsonArray("settings").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("key"), o -> o));
    }

    private static JsonObject values(Object... namesAndValues) {
        return Api.json("values", Api.json(namesAndValues));
    }

    private static void assertProblem(Api.Response r, String detailPart) {
        assertTrue(r.header("Content-Type").orElseThrow().startsWith("application/problem+json"), r.toString());
        assertTrue(r.object().getString("detail").contains(detailPart), r.body());
    }

    @Test
    void aCoordinatorSeesAndChangesOnlyTheOpenSettingsOfTheirOwnCity(PackagedServer server) {
        JsonObject view = coordinator.get(path(here) + "?lang=fr").expect(200).object();
        assertEquals(here, view.getString("city"));
        Map<String, JsonObject> open = byKey(view);
        assertEquals(List.of("publicResults", "round-seconds"), open.keySet().stream().sorted().toList(),
                "only the settings open to coordinators");
        assertEquals("Durée d’une manche (secondes)", open.get("round-seconds").getString("label"));
        assertEquals("default", open.get("round-seconds").getString("source"));
        assertEquals(10, open.get("round-seconds").getInt("min"));

        JsonObject changed = coordinator.put(path(here), values("round-seconds", 120, "publicResults", true))
                .expect(200).object();
        assertEquals(120, byKey(changed).get("round-seconds").getInt("value"));
        assertEquals("city", byKey(changed).get("round-seconds").getString("source"));
        JsonObject adminView = admin.get("/api/admin/plugins/" + pluginId + "/settings?city=" + here).expect(200)
                .object();
        assertEquals(120, byKey(adminView).get("round-seconds").getInt("value"), "the admin console sees it");
        assertEquals(60, byKey(admin.get("/api/admin/plugins/" + pluginId + "/settings").expect(200).object())
                .get("round-seconds").getInt("value"), "the network-wide value is untouched");
        assertEquals(60, byKey(otherCoordinator.get(path(there)).expect(200).object()).get("round-seconds")
                .getInt("value"), "another city is untouched");

        Api.Response invalid = coordinator.put(path(here), values("round-seconds", 5)).expect(400);
        assertEquals("values.round-seconds", invalid.object().getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        coordinator.put(path(here), values("nope", 1)).expect(400);

        JsonObject reset = coordinator.put(path(here), Api.json("values", Json.createObjectBuilder()
                .addNull("round-seconds").build())).expect(200).object();
        assertEquals("default", byKey(reset).get("round-seconds").getString("source"));
    }

    @Test
    void everyoneElseIsRefusedWithAProblem(PackagedServer server, Api anonymous) {
        assertProblem(coordinator.put(path(here), values("max-tables", 3)).expect(403), "max-tables");
        assertProblem(coordinator.put(path(here), values("round-seconds", 90, "api-token", "x")).expect(403),
                "api-token");
        assertProblem(admin.put(path(here), values("max-tables", 3)).expect(403), "administrators");
        assertEquals(5, byKey(admin.get("/api/admin/plugins/" + pluginId + "/settings?city=" + here).expect(200)
                .object()).get("max-tables").getInt("value"), "nothing changed");

        assertProblem(otherCoordinator.put(path(here), values("round-seconds", 90)).expect(403), "coordinators");
        otherCoordinator.get(path(here)).expect(403);
        coordinator.put(path(there), values("round-seconds", 90)).expect(403);
        member.put(path(here), values("round-seconds", 90)).expect(403);
        member.get(path(here)).expect(403);
        anonymous.put(path(here), values("round-seconds", 90)).expect(401);
        anonymous.get(path(here)).expect(401);
        coordinator.put("/api/admin/plugins/" + pluginId + "/settings?city=" + here, values("round-seconds", 90))
                .expect(403);
        assertEquals(60, byKey(admin.get("/api/admin/plugins/" + pluginId + "/settings?city=" + here).expect(200)
                .object()).get("round-seconds").getInt("value"), "no refused call changed anything");

        coordinator.get("/api/cities/" + here + "/modules/no-such-plugin/settings").expect(404);
        admin.send("PUT", "/api/admin/plugins/" + pluginId + "/cities", Api.json("networkWide", false, "cities",
                List.of(there))).expect(200);
        try {
            assertProblem(coordinator.put(path(here), values("round-seconds", 90)).expect(404), "not enabled");
            coordinator.get(path(here)).expect(404);
            otherCoordinator.put(path(there), values("round-seconds", 90)).expect(200);
        } finally {
            admin.send("PUT", "/api/admin/plugins/" + pluginId + "/cities", Api.json("networkWide", true, "cities",
                    List.of())).expect(200);
            otherCoordinator.put(path(there), Api.json("values", Json.createObjectBuilder().addNull("round-seconds")
                    .build())).expect(200);
        }
    }
}
