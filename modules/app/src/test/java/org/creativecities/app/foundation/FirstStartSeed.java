package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * What a first start writes in bulk (the city seed, then a community space per city and a network space per field),
 * counted exactly against the distribution's {@code config/cities.csv}: every seed row once, every city once with one
 * space and its general room, and nothing more after a re-import or a restart. It needs a server of its own started
 * on a fresh H2 file that creates no city: {@code search.SearchIndexIT} runs it on its server's first start and clean
 * restart.
 */
public final class FirstStartSeed {

    private final int rows;
    private final int cities;

    private FirstStartSeed(int rows, int cities) {
        this.rows = rows;
        this.cities = cities;
    }

    /** The seed rows and distinct cities of the distribution's seed file. */
    public static FirstStartSeed read(PackagedServer server) throws IOException {
        List<String> lines = Files.readAllLines(server.distribution().resolve("config/cities.csv"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        Set<String> cities = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            cities.add(cells[0].replace("\"", "").trim() + "|" + cells[2].trim());
        }
        return new FirstStartSeed(lines.size() - 1, cities.size());
    }

    /** The first start's log says it imported every row: none was there, every city is new. */
    public void assertFirstStartImportedEveryRow(PackagedServer server) {
        assertTrue(server.logText().contains(rows + " row(s) imported, 0 already present, " + cities
                + " new cit(ies)"), "the first start imports every row");
    }

    /** An administrator's re-import of the seed imports nothing and skips every row. */
    public void assertReimportAddsNothing(TestUser admin) {
        JsonObject again = admin.post("/api/admin/cities/import", null).expect(200).object();
        assertEquals(0, again.getInt("imported"));
        assertEquals(rows, again.getInt("skipped"));
        assertEquals(0, again.getInt("cities"));
    }

    /** After a restart the log says every row was found imported already. */
    public void assertRestartFoundEveryRowImported(PackagedServer server) {
        assertTrue(server.logText().contains("0 row(s) imported, " + rows + " already present, 0 new cit(ies)"),
                "a restart finds every row imported");
    }

    /**
     * The catalogue holds every seed city once, one designation per row, one community space per city (with its
     * general room) and one network space per field.
     */
    public void assertCatalogue(Api api) {
        JsonObject stats = api.get("/api/stats").expect(200).object();
        assertEquals(cities, stats.getInt("cities"));
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
        assertEquals(cities, spaceCities.size(), "every city has its community space");
        assertEquals(api.get("/api/fields").expect(200).array().size(), fieldSpaces, "one network space per field");

        JsonObject lyon = spaces.stream().map(JsonValue::asJsonObject)
                .filter(s -> "city-lyon".equals(s.getString("slug"))).findFirst().orElseThrow();
        JsonArray rooms = api.get("/api/spaces/" + lyon.getJsonNumber("id").longValue() + "/rooms").expect(200).array();
        assertEquals(1, rooms.size());
        assertEquals("general", rooms.getJsonObject(0).getString("name"));
    }
}
