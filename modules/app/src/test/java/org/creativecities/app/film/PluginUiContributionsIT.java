package org.creativecities.app.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin UI contract (API 1.2) on the packaged server: the room kinds a space offers, the {@code ui} of
 * rooms, the modules of a city, and the plugins' static UI files, each following the plugin's start, stop and
 * per-city enablement.
 */
@ExtendWith(SharedServer.class)
class PluginUiContributionsIT {

    private static long citySpace(TestUser someone, String city) {
        return someone.get("/api/spaces?city=" + city).expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** JSON-B here leaves out null properties; either form means "none". */
    private static void assertAbsent(JsonObject o, String name, String... why) {
        assertTrue(o.get(name) == null || o.get(name) == JsonValue.NULL, name + " in " + o + " " + String.join("", why));
    }

    private static Optional<JsonObject> kind(Api api, long space, String id) {
        return api.get("/api/spaces/" + space + "/room-kinds").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(k -> k.getString("id").equals(id)).findFirst();
    }

    private static Optional<JsonObject> module(Api api, String city, String id) {
        return api.get("/api/cities/" + city + "/modules").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getString("id").equals(id)).findFirst();
    }

    @Test
    void roomKindsRoomUiAndCityModulesFollowStartStopAndCityEnablement(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        PluginAdmin plugins = PluginAdmin.of(server);
        long gdynia = citySpace(admin, "gdynia");
        long kathmandu = citySpace(admin, "kathmandu");

        JsonObject discussion = kind(api, gdynia, "discussion").orElseThrow();
        assertAbsent(discussion, "pluginId");
        assertAbsent(discussion, "ui");
        JsonObject party = kind(api, gdynia, "watch-party").orElseThrow(() -> new AssertionError("no watch-party"));
        assertEquals("film", party.getString("pluginId"));
        assertEquals("Watch party", party.getString("name"));

        JsonObject film = module(api, "gdynia", "film").orElseThrow(() -> new AssertionError("film not listed"));
        assertEquals("Film", film.getString("name"));
        assertEquals(List.of("watch-party"), film.getJsonArray("roomKinds").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(film.getString("version").length() > 0);
        api.get("/api/cities/no-such-city/modules").expect(404);

        long room = admin.post("/api/spaces/" + gdynia + "/rooms", Api.json("name", "UI party", "kind",
                "watch-party", "attributes", Api.json("durationMs", 60_000))).expect(201).object()
                .getJsonNumber("id").longValue();
        long general = api.get("/api/spaces/" + gdynia + "/rooms").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getString("kind").equals("discussion")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        assertAbsent(api.get("/api/rooms/" + general).expect(200).object(), "ui");

        try {
            admin.put("/api/admin/plugins/film/cities", Api.json("networkWide", false, "cities", List.of("gdynia")))
                    .expect(200);
            assertTrue(kind(api, kathmandu, "watch-party").isEmpty(), "film is not enabled in Kathmandu");
            assertTrue(kind(api, kathmandu, "discussion").isPresent());
            assertTrue(module(api, "kathmandu", "film").isEmpty());
            assertTrue(kind(api, gdynia, "watch-party").isPresent());
            assertTrue(module(api, "gdynia", "film").isPresent());
        } finally {
            admin.put("/api/admin/plugins/film/cities", Api.json("networkWide", true, "cities", List.of()))
                    .expect(200);
        }
        assertTrue(kind(api, kathmandu, "watch-party").isPresent());

        try {
            plugins.post("/api/admin/plugins/film/stop").expect(200);
            assertTrue(kind(api, gdynia, "watch-party").isEmpty(), "a stopped plugin offers no kind");
            assertTrue(module(api, "gdynia", "film").isEmpty(), "a stopped plugin is no module of the city");
            assertAbsent(api.get("/api/rooms/" + room).expect(200).object(), "ui",
                    "the room of a stopped kind has no UI");
            assertEquals("watch-party", api.get("/api/rooms/" + room).expect(200).object().getString("kind"));
        } finally {
            plugins.post("/api/admin/plugins/film/start").expect(200);
        }
        assertTrue(kind(api, gdynia, "watch-party").isPresent());
    }

    @Test
    void uiFilesAreServedFromTheJarsUiFolderWithTypesAndRevalidation(PackagedServer server, Api api) {
        PluginAdmin plugins = PluginAdmin.of(server);
        String id = "it-ui-files";
        plugins.install(PluginJars.variant("good", Map.of("Plugin-Id", id)));
        try {
            Api.Response js = api.get("/plugins/" + id + "/ui/good.js").expect(200);
            assertEquals("text/javascript; charset=UTF-8", js.header("Content-Type").orElseThrow()
                    .replace("charset=utf-8", "charset=UTF-8"));
            assertTrue(js.body().contains("good plugin UI"));
            assertEquals("no-cache", js.header("Cache-Control").orElseThrow());
            String etag = js.header("ETag").orElseThrow();
            assertTrue(js.header("Last-Modified").isPresent());
            assertEquals(304, api.request("GET", "/plugins/" + id + "/ui/good.js").header("If-None-Match", etag)
                    .send().status());
            assertTrue(api.get("/plugins/" + id + "/ui/good.css").expect(200).header("Content-Type").orElseThrow()
                    .startsWith("text/css"));
            assertEquals("image/svg+xml", api.get("/plugins/" + id + "/ui/icon.svg").expect(200)
                    .header("Content-Type").orElseThrow());

            for (String refused : List.of("/ui/missing.js", "/good.js", "/ui/../META-INF/MANIFEST.MF",
                    "/ui/%2e%2e/META-INF/MANIFEST.MF", "/ui/..%2f..%2fcore.war", "/ui/%5c..%5cMETA-INF/MANIFEST.MF",
                    "/ui/org/creativecities/testplugins/good/GoodModule.class")) {
                int status = api.get("/plugins/" + id + refused).status();
                assertTrue(status == 404 || status == 400, refused + " answered " + status);
            }
            assertEquals(404, api.get("/plugins/no-such-plugin/ui/good.js").status());

            plugins.post("/api/admin/plugins/" + id + "/stop").expect(200);
            assertEquals(404, api.get("/plugins/" + id + "/ui/good.js").status(), "a stopped plugin serves nothing");
        } finally {
            plugins.remove(id);
        }
    }
}
