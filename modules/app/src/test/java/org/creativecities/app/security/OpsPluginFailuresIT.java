package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.creativecities.app.plugins.PluginAdmin;
import org.creativecities.app.plugins.PluginJars;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, Medium 5 "A coordinator can switch off a plugin for the whole network": input the core refuses is the
 * caller's fault and never counts against the plugin; a plugin's failures in one city suspend it in that city only.
 */
@ExtendWith(SharedServer.class)
class OpsPluginFailuresIT {

    private static String city(TestUser admin, String name) {
        return admin.post("/api/cities", Api.json("name", name + " " + System.nanoTime(), "countryCode", "FR",
                "joinPolicy", "OPEN")).expect(201).object().getString("slug");
    }

    private static JsonObject plugin(TestUser admin, String id) {
        return admin.get("/api/admin/plugins/" + id).expect(200).object();
    }

    @Test
    void badBodiesToAFilmRouteAreRefusedByTheCoreAndNeverDisableThePlugin(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        String slug = city(admin, "Deepville");
        String screenings = "/api/plugins/film/cities/" + slug + "/screenings";
        try {
            List<String> bodies = List.of("[".repeat(5000) + "]".repeat(5000),
                    "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"title\":", "{} trailing", "\"x\"]",
                    "{\"title\":\"" + "\\ud800".repeat(10) + "\"}  {", "1e999999999");
            for (int round = 0; round < 2; round++) {
                for (String body : bodies) {
                    Api.Response r = admin.post(screenings, body);
                    assertEquals(400, r.status(), "for " + abbreviate(body) + ": " + r);
                    assertEquals("application/problem+json", r.header("Content-Type").orElse(""), r.toString());
                }
            }
            for (String type : new String[] {"text/plain", "application/octet-stream"}) {
                Api.Response r = admin.api().request("POST", screenings).header("X-Forwarded-For", admin.ip())
                        .header("Content-Type", type).body(bodies.get(0)).send();
                assertEquals(400, r.status(), "a deep body labelled " + type + ": " + r);
            }
            JsonObject film = plugin(admin, "film");
            assertEquals("STARTED", film.getString("state"), film.toString());
            assertEquals(0, film.getInt("recentFailures"), film.toString());
            admin.get(screenings).expect(200);
        } finally {
            admin.delete("/api/cities/" + slug).expect(204);
        }
    }

    @Test
    void aPluginFailingInOneCityIsSuspendedThereOnly(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        String id = "ops-city-failures-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String troubled = city(admin, "Troubleton");
        String calm = city(admin, "Calmton");
        try {
            PluginAdmin.of(server).install(PluginJars.variant("good", Map.of("Plugin-Id", id)));
            admin.put("/api/admin/plugins/" + id + "/cities", Api.json("networkWide", false,
                    "cities", List.of(troubled, calm))).expect(200);
            String base = "/api/plugins/" + id + "/cities/";
            admin.get(base + calm + "/hello").expect(200);
            for (int i = 0; i < 5; i++) {
                admin.get(base + troubled + "/boom").expect(502, 404, 503);
            }
            JsonObject view = PluginAdmin.of(server).awaitPlugin(id, v -> v.containsKey("suspendedIn")
                    && !v.getJsonArray("suspendedIn").isEmpty(), Duration.ofSeconds(10));
            assertEquals("STARTED", view.getString("state"), "not disabled network-wide: " + view);
            assertEquals(List.of(troubled), view.getJsonArray("suspendedIn").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList(), view.toString());
            Api.Response there = admin.get(base + troubled + "/hello");
            assertTrue(there.status() == 404 || there.status() == 503, there.toString());
            admin.get(base + calm + "/hello").expect(200);

            JsonObject health = admin.get("/health").expect(200).object();
            assertTrue(health.toString().contains("suspended in " + troubled), health.toString());

            admin.post("/api/admin/plugins/" + id + "/enable", null).expect(200);
            JsonObject resumed = plugin(admin, id);
            assertTrue(resumed.getJsonArray("suspendedIn").isEmpty(), resumed.toString());
            admin.get(base + troubled + "/hello").expect(200);
        } finally {
            admin.delete("/api/admin/plugins/" + id + "?purge=true").expect(204, 404);
            admin.delete("/api/cities/" + troubled).expect(204);
            admin.delete("/api/cities/" + calm).expect(204);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "..." : body;
    }
}
