package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The member-city catalogue on the packaged server, seeded from config/cities.csv. */
@ExtendWith(SharedServer.class)
class CatalogueIT {

    private static List<String> slugs(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("slug")).toList();
    }

    @Test
    void theSeedHoldsTheRealMemberCities(Api api) {
        JsonObject stats = api.get("/api/stats").expect(200).object();
        assertTrue(stats.getInt("cities") >= 396, "396 seeded cities, plus any a test created");
        JsonObject perField = stats.getJsonObject("citiesPerField");
        assertEquals(5, perField.getInt("architecture"));
        assertEquals(30, perField.getInt("film"));
        for (String f : List.of("architecture", "crafts-folk-art", "design", "film", "gastronomy", "literature",
                "media-arts", "music")) {
            assertTrue(perField.containsKey(f), "field " + f);
        }
        assertEquals(396, perField.values().stream().mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue()).sum(),
                "every seeded city has one current field (test cities are retired when their test ends)");
        assertEquals(56, stats.getJsonObject("designationsPerYear").getInt("2023"), "includes Lyon's change of field");
        JsonArray fields = api.get("/api/fields").expect(200).array();
        assertEquals("Architecture", fields.stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getString("slug").equals("architecture")).findFirst().orElseThrow().getString("name"));
    }

    @Test
    void lyonKeepsItsDesignationHistory(Api api) {
        JsonObject lyon = api.get("/api/cities/lyon").expect(200).object();
        assertEquals("literature", lyon.getString("field"), "the latest designation is the current field");
        JsonArray history = lyon.getJsonArray("designations");
        assertEquals(2, history.size());
        assertEquals("media-arts", history.getJsonObject(0).getString("field"));
        assertEquals(2008, history.getJsonObject(0).getInt("year"));
        assertEquals("literature", history.getJsonObject(1).getString("field"));
        assertEquals("FR", lyon.getJsonObject("country").getString("code"));
        assertTrue(lyon.containsKey("memberCount") && lyon.containsKey("coordinators"));
    }

    @Test
    void twoGranadasAreTwoCities(Api api) {
        assertEquals("ES", api.get("/api/cities/granada-es").expect(200).object().getJsonObject("country")
                .getString("code"));
        assertEquals("design", api.get("/api/cities/granada-ni").expect(200).object().getString("field"));
    }

    @Test
    void filtersCombineAndCountTheTotal(Api api) {
        JsonObject film = api.get("/api/cities?field=film&size=100").expect(200).object();
        assertEquals(30, film.getInt("total"));
        assertEquals(30, film.getJsonArray("items").size());
        film.getJsonArray("items").forEach(c -> assertEquals("film", c.asJsonObject().getString("field")));

        JsonObject frenchMusic = api.get("/api/cities?country=fr&field=music").expect(200).object();
        frenchMusic.getJsonArray("items").forEach(c -> {
            assertEquals("FR", c.asJsonObject().getJsonObject("country").getString("code"));
            assertEquals("music", c.asJsonObject().getString("field"));
        });

        JsonObject designated2004 = api.get("/api/cities?year=2004").expect(200).object();
        assertEquals(List.of("edinburgh"), slugs(designated2004));

        assertEquals(List.of("bistrita"), slugs(api.get("/api/cities?q=bistrita").expect(200).object()),
                "free text ignores accents");
        assertTrue(slugs(api.get("/api/cities?q=korea&size=100").expect(200).object()).contains("seoul"),
                "free text matches the country");
    }

    @Test
    void sortsAndPaginates(Api api) {
        JsonObject first = api.get("/api/cities?sort=name&size=10&page=1").expect(200).object();
        JsonObject second = api.get("/api/cities?sort=name&size=10&page=2").expect(200).object();
        assertEquals(10, first.getJsonArray("items").size());
        assertEquals(2, second.getInt("page"));
        Set<String> seen = new HashSet<>(slugs(first));
        slugs(second).forEach(s -> assertTrue(seen.add(s), "no city on two pages: " + s));
        List<String> names = first.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("name")).toList();
        assertEquals(names.stream().sorted().toList(), names, "sorted by name");

        JsonObject newest = api.get("/api/cities?sort=-year&size=5").expect(200).object();
        newest.getJsonArray("items").forEach(c -> assertEquals(2025, c.asJsonObject().getInt("joinedYear")));
        JsonObject oldest = api.get("/api/cities?sort=year&size=1").expect(200).object();
        assertEquals(List.of("edinburgh"), slugs(oldest));

        JsonObject beyond = api.get("/api/cities?page=1000&size=100").expect(200).object();
        assertTrue(beyond.getJsonArray("items").isEmpty());
        assertTrue(beyond.getInt("total") >= 396);
    }

    @Test
    void badQueriesAreRefusedNotIgnored(Api api) {
        JsonObject unknown = api.get("/api/cities?colour=red").expect(400).object();
        assertEquals("colour", unknown.getJsonArray("errors").getJsonObject(0).getString("field"));

        JsonObject bad = api.get("/api/cities?year=abc&size=1000&field=cinema&country=France&sort=size").expect(400)
                .object();
        Set<String> fields = new HashSet<>();
        bad.getJsonArray("errors").forEach(e -> fields.add(e.asJsonObject().getString("field")));
        assertEquals(Set.of("year", "size", "field", "country", "sort"), fields, "every bad value is named");

        api.get("/api/cities?page=0").expect(400);
        api.get("/api/stats?field=film").expect(400);
        api.get("/api/cities/atlantis").expect(404);
    }

    @Test
    void administratorsManageCitiesAndOthersCannot(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser someone = TestUser.register(api, "Someone");
        JsonObject newCity = Api.json("name", "Testopolis " + System.nanoTime(), "countryCode", "PT",
                "latitude", 41.15, "longitude", -8.61, "website", "https://example.org/testopolis",
                "joinPolicy", "APPROVAL",
                "designations", jakarta.json.Json.createArrayBuilder()
                        .add(Api.json("field", "design", "year", 2019))
                        .add(Api.json("field", "architecture", "year", 2025)).build());

        api.post("/api/cities", newCity).expect(401);
        someone.post("/api/cities", newCity).expect(403);

        Api.Response created = admin.post("/api/cities", newCity).expect(201);
        JsonObject city = created.object();
        String slug = city.getString("slug");
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/cities/" + slug));
        assertEquals("architecture", city.getString("field"));
        assertEquals("Portugal", city.getJsonObject("country").getString("name"));
        admin.post("/api/cities", newCity).expect(409);

        JsonObject invalid = admin.post("/api/cities", Api.json("name", "", "countryCode", "XX1", "latitude", 95,
                "website", "javascript:alert(1)")).expect(400).object();
        Set<String> fields = new HashSet<>();
        invalid.getJsonArray("errors").forEach(e -> fields.add(e.asJsonObject().getString("field")));
        assertTrue(fields.containsAll(Set.of("name", "countryCode", "latitude", "website")), fields.toString());

        someone.patch("/api/cities/" + slug, Api.json("description", "mine now")).expect(403);
        JsonObject changed = admin.patch("/api/cities/" + slug, Api.json("description", "A test city.")).expect(200)
                .object();
        assertEquals("A test city.", changed.getString("description"));
        assertEquals("https://example.org/testopolis", changed.getString("website"), "absent properties are kept");

        someone.post("/api/cities/" + slug + "/designations", Api.json("field", "film", "year", 2023)).expect(403);
        admin.post("/api/cities/" + slug + "/designations", Api.json("field", "film", "year", 2023)).expect(201);
        admin.post("/api/cities/" + slug + "/designations", Api.json("field", "film", "year", 2023)).expect(409);
        admin.post("/api/cities/" + slug + "/designations", Api.json("field", "poetry", "year", 2023)).expect(400);
        assertEquals(3, api.get("/api/cities/" + slug).expect(200).object().getJsonArray("designations").size());

        someone.delete("/api/cities/" + slug).expect(403);
        admin.delete("/api/cities/" + slug).expect(204);
        String name = city.getString("name");
        String query = "/api/cities?q=" + name.replace(' ', '+');
        assertEquals(0, api.get(query).expect(200).object().getInt("total"), "a retired city leaves the list");
        assertEquals(1, api.get(query + "&retired=true").expect(200).object().getInt("total"));
        assertTrue(api.get("/api/cities/" + slug).expect(200).object().getBoolean("retired"));
        admin.patch("/api/cities/" + slug, Api.json("retired", false)).expect(200);
        assertEquals(1, api.get(query).expect(200).object().getInt("total"), "reinstated");
        admin.delete("/api/cities/" + slug).expect(204);
    }

    @Test
    void reimportNeverDuplicatesNorOverwritesEdits(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        admin.patch("/api/cities/kobe", Api.json("description", "Edited by an administrator.", "latitude", 34.7,
                "longitude", 135.2)).expect(200);
        int designationsBefore = api.get("/api/cities/lyon").expect(200).object().getJsonArray("designations").size();

        api.post("/api/admin/cities/import", null).expect(401);
        JsonObject result = admin.post("/api/admin/cities/import", null).expect(200).object();
        assertEquals(0, result.getInt("imported"));
        assertEquals(397, result.getInt("skipped"));

        JsonObject kobe = api.get("/api/cities/kobe").expect(200).object();
        assertEquals("Edited by an administrator.", kobe.getString("description"));
        assertEquals(34.7, kobe.getJsonNumber("latitude").doubleValue(), 1e-9);
        assertEquals(designationsBefore, api.get("/api/cities/lyon").expect(200).object().getJsonArray("designations")
                .size());
        assertFalse(api.get("/api/cities?q=kobe").expect(200).object().getJsonArray("items").isEmpty());
    }

    @Test
    void fieldsAreData(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String slug = "test-field-" + System.nanoTime();
        JsonObject field = Api.json("slug", slug, "name", "Test Field", "description", "For tests.", "since", 2026);
        api.post("/api/fields", field).expect(401);
        admin.post("/api/fields", field).expect(201);
        admin.post("/api/fields", field).expect(409);
        assertEquals("Test Field", api.get("/api/fields/" + slug).expect(200).object().getString("name"));
        admin.post("/api/fields", Api.json("slug", "Bad Slug", "name", "x", "description", "x", "since", 2026))
                .expect(400);
    }
}
