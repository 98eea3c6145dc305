package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a first start writes in bulk (the city seed, then a community space per city and a network space per
 * field), counted exactly on a server of its own with a fresh H2 file: every seed row once, every city once with
 * one space and its general room, and nothing more after a re-import or a restart.
 */
@OwnServerLane
class FirstStartSeedIT {

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = PackagedServer.builder("first-start-seed").env("CCC_ADMIN_PASSWORD", TestUser.PASSWORD).start();
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everySeedRowOnceEveryCityOneSpaceAlsoAfterReimportAndRestart() throws Exception {
        List<String> lines = Files.readAllLines(server.distribution().resolve("config/cities.csv"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        int rows = lines.size() - 1;
        Set<String> cities = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            cities.add(cells[0].replace("\"", "").trim() + "|" + cells[2].trim());
        }
        assertTrue(server.logText().contains(rows + " row(s) imported, 0 already present, " + cities.size()
                + " new cit(ies)"), "the first start imports every row");

        assertCatalogue(server.api(), rows, cities.size());

        TestUser admin = TestUser.signIn(server.api(), "admin@creativecities.local", TestUser.PASSWORD,
                TestUser.freshIp());
        JsonObject again = admin.post("/api/admin/cities/import", null).expect(200).object();
        assertEquals(0, again.getInt("imported"));
        assertEquals(rows, again.getInt("skipped"));
        assertEquals(0, again.getInt("cities"));

        server.restart();
        assertTrue(server.logText().contains("0 row(s) imported, " + rows + " already present, 0 new cit(ies)"),
                "a restart finds every row imported");
        assertCatalogue(server.api(), rows, cities.size());
    }

    private static void assertCatalogue(Api api, int rows, int cityCount) {
        JsonObject stats = api.get("/api/stats").expect(200).object();
        assertEquals(cityCount, stats.getInt("cities"));
        int designations = stats.getJsonObject("designationsPerYear").values().stream()
                .mapToInt(v -> ((JsonNumber) v).intValue()).sum();
        assertEquals(rows, designations, "one designation per seed row");

        JsonArray spaces = api.get("/api/spaces").expect(200).array();
        Set<String> slugs = new HashSet<>();
        Set<String> spaceCities = new HashSet<>();
        int fieldSpaces = 0;
        for (JsonValue v : spaces) {
            JsonObject s = v.asJsonObject();
            assertTrue(slugs.add(s.getString("slug")), "space slugs are unique: " + s.getString("slug"));
            JsonValue city = s.get("city");
            if (city != null && city.getValueType() != JsonValue.ValueType.NULL) {
                assertTrue(spaceCities.add(s.getString("city")), "one community space per city: " + s);
            } else {
                fieldSpaces++;
            }
        }
        assertEquals(cityCount, spaceCities.size(), "every city has its community space");
        assertEquals(api.get("/api/fields").expect(200).array().size(), fieldSpaces, "one network space per field");

        JsonObject lyon = spaces.stream().map(JsonValue::asJsonObject)
                .filter(s -> "city-lyon".equals(s.getString("slug"))).findFirst().orElseThrow();
        JsonArray rooms = api.get("/api/spaces/" + lyon.getJsonNumber("id").longValue() + "/rooms").expect(200).array();
        assertEquals(1, rooms.size());
        assertEquals("general", rooms.getJsonObject(0).getString("name"));
    }
}
