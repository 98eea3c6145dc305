package org.creativecities.app.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The film plugin as shipped: bundled in the distribution, started at boot, and serving its city-scoped
 * screenings routes with the core's authentication, per-city enablement and settings. Each test works in cities
 * of its own and retires them when it ends, so the seeded catalogue's counts stay as they are.
 */
@ExtendWith(SharedServer.class)
class FilmPluginIT {


    /** The cities this test created, retired when the test ends. */
    private final TestCities testCities = new TestCities();

    @AfterEach
    void retireTheTestCities() {
        testCities.retireAll();
    }

    private String city(TestUser admin, String name) {
        String slug = admin.send("POST", "/api/cities", Api.json("name", name + " " + System.nanoTime(),
                "countryCode", "FR", "latitude", 45.76, "longitude", 4.84, "website", "https://example.org/filmville",
                "joinPolicy", "OPEN",
                "designations", jakarta.json.Json.createArrayBuilder().add(Api.json("field", "film", "year", 2017))
                        .build())).expect(201).object().getString("slug");
        return testCities.add(slug, admin);
    }

    private static JsonObject screening(String title) {
        return Api.json("title", title, "year", 1962, "description", "Two hours in Paris.",
                "startsAt", "2026-12-01T19:30:00Z", "videoUrl", "https://films.example.org/cleo.mp4",
                "runtimeMinutes", 90);
    }

    @Test
    void theBundledFilmPluginIsStartedAndDescribesItsRoomKindAndSettings(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        JsonObject film = admin.send("GET", "/api/admin/plugins", null).expect(200).object().getJsonArray("plugins")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals("film")).findFirst()
                .orElseThrow(() -> new AssertionError("film is not bundled"));
        assertEquals("STARTED", film.getString("state"));
        assertEquals("ok", film.getString("health"));
        assertEquals("1.3.0", film.getString("apiVersion"));
        JsonObject module = film.getJsonObject("module");
        assertEquals("watch-party", module.getJsonArray("roomKinds").getJsonObject(0).getString("id"));
        assertEquals(List.of("http.routes", "members.read", "storage"),
                module.getJsonArray("permissions").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .sorted().toList());
        assertEquals(List.of("film"), module.getJsonArray("fields").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());

        admin.send("PUT", "/api/admin/plugins/film/settings", Api.json("values", Api.json("max-drift-ms", 50)))
                .expect(400);
        admin.send("PUT", "/api/admin/plugins/film/settings", Api.json("values", Api.json("max-drift-ms", 60_001)))
                .expect(400);
    }

    @Test
    void coordinatorsManageTheirCitysScreeningsAndOthersCannot(PackagedServer server, Api anonymous) {
        TestUser admin = TestUser.admin(server);
        String lyon = city(admin, "Filmville");
        String other = city(admin, "Othertown");
        TestUser coordinator = TestUser.register(anonymous, "Film Coordinator");
        TestUser member = TestUser.register(anonymous, "Film Member");
        coordinator.send("POST", "/api/cities/" + lyon + "/members", null).expect(201);
        admin.send("PUT", "/api/cities/" + lyon + "/members/" + coordinator.id() + "/role",
                Api.json("role", "COORDINATOR")).expect(200);
        member.send("POST", "/api/cities/" + lyon + "/members", null).expect(201);
        String screenings = "/api/plugins/film/cities/" + lyon + "/screenings";

        anonymous.post(screenings, screening("Cléo from 5 to 7")).expect(401);
        member.send("POST", screenings, screening("Cléo from 5 to 7")).expect(403);
        coordinator.send("POST", "/api/plugins/film/cities/" + other + "/screenings", screening("Cléo")).expect(403);

        Api.Response invalid = coordinator.send("POST", screenings, Api.json("title", "", "year", 1700,
                "startsAt", "tomorrow", "videoUrl", "javascript:alert(1)")).expect(400);
        assertTrue(invalid.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        String detail = invalid.object().getString("detail");
        assertTrue(detail.contains("'title' is required.") && detail.contains("'year' must be between")
                && detail.contains("'startsAt'") && detail.contains("'videoUrl'"), detail);

        Api.Response created = coordinator.send("POST", screenings, screening("Cléo from 5 to 7")).expect(201);
        JsonObject cleo = created.object();
        String id = cleo.getString("id");
        assertEquals(lyon, cleo.getString("city"));
        assertEquals(coordinator.id(), cleo.getJsonNumber("createdBy").longValue());
        assertTrue(created.header("Location").orElseThrow().endsWith(screenings + "/" + id));
        admin.send("POST", screenings, screening("Stalker")).expect(201);

        JsonArray listed = anonymous.get(screenings).expect(200).array();
        assertEquals(List.of("Cléo from 5 to 7", "Stalker"), listed.getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("title")).sorted().toList());
        assertEquals("Cléo from 5 to 7", anonymous.get(screenings + "/" + id).expect(200).object().getString("title"));
        assertEquals(0, anonymous.get("/api/plugins/film/cities/" + other + "/screenings").expect(200).array().size(),
                "each city has its own catalogue");

        JsonObject party = coordinator.send("POST", screenings + "/" + id + "/watch-party", null).expect(201).object();
        assertEquals("watch-party", party.getString("kind"));
        assertEquals(id, party.getJsonObject("attributes").getString("screening"));
        assertEquals(5_400_000, party.getJsonObject("attributes").getInt("durationMs"));
        member.send("POST", screenings + "/" + id + "/watch-party", null).expect(403);
        assertEquals("requested", anonymous.get(screenings + "/" + id).expect(200).object()
                .getJsonObject("watchParty").getString("status"));

        member.send("DELETE", screenings + "/" + id, null).expect(403);
        coordinator.send("DELETE", screenings + "/" + id, null).expect(204);
        anonymous.get(screenings + "/" + id).expect(404);
        anonymous.get("/api/plugins/film/screenings").expect(404);
    }

    @Test
    void membersSuggestOnlyWhereTheCitysSettingAllowsIt(PackagedServer server, Api anonymous) {
        TestUser admin = TestUser.admin(server);
        String city = city(admin, "Suggestville");
        TestUser member = TestUser.register(anonymous, "Film Fan");
        member.send("POST", "/api/cities/" + city + "/members", null).expect(201);
        String suggestions = "/api/plugins/film/cities/" + city + "/suggestions";

        member.send("POST", suggestions, screening("Stalker")).expect(403);
        admin.send("PUT", "/api/admin/plugins/film/settings?city=" + city,
                Api.json("values", Api.json("members-may-suggest", true))).expect(200);
        member.send("POST", suggestions, screening("Stalker")).expect(201);
        TestUser outsider = TestUser.register(anonymous, "Film Outsider");
        outsider.send("POST", suggestions, screening("Stalker")).expect(403);
        JsonArray suggested = anonymous.get(suggestions).expect(200).array();
        assertEquals(1, suggested.size());
        assertTrue(suggested.getJsonObject(0).getBoolean("suggested"));
        assertEquals(0, anonymous.get("/api/plugins/film/cities/" + city + "/screenings").expect(200).array().size());
    }

    @Test
    void aCityWhereFilmIsNotEnabledDoesNotSeeIt(PackagedServer server, Api anonymous) {
        TestUser admin = TestUser.admin(server);
        String enabled = city(admin, "Enabledville");
        String disabled = city(admin, "Disabledville");
        try {
            admin.send("PUT", "/api/admin/plugins/film/cities", Api.json("networkWide", false, "cities",
                    List.of(enabled))).expect(200);
            anonymous.get("/api/plugins/film/cities/" + enabled + "/screenings").expect(200);
            anonymous.get("/api/plugins/film/cities/" + disabled + "/screenings").expect(404);
            admin.send("POST", "/api/plugins/film/cities/" + disabled + "/screenings", screening("Cléo")).expect(404);
        } finally {
            admin.send("PUT", "/api/admin/plugins/film/cities", Api.json("networkWide", true, "cities", List.of()))
                    .expect(200);
        }
        anonymous.get("/api/plugins/film/cities/" + disabled + "/screenings").expect(200);
    }
}
