package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * City lists and profiles are answered from an in-memory read model: every committed write must show in the very
 * next read (read-your-writes), conditional requests must work, and filters, orders and pages must mean what the
 * database query meant.
 */
@ExtendWith(SharedServer.class)
class CatalogueReadModelIT {

    private static String listOf(String name) {
        return "/api/cities?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static List<String> slugs(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("slug")).toList();
    }

    private static JsonObject onlyItem(Api api, String path) {
        JsonObject page = api.get(path).expect(200).object();
        assertEquals(1, page.getInt("total"), path);
        return page.getJsonArray("items").getJsonObject(0);
    }

    @Test
    void everyWriteShowsInTheVeryNextListAndProfile(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String name = "Readwrite " + System.nanoTime();
        String slug = admin.post("/api/cities", Api.json("name", name, "countryCode", "PT", "joinPolicy", "OPEN"))
                .expect(201).object().getString("slug");

        JsonObject listed = onlyItem(api, listOf(name));
        assertEquals(slug, listed.getString("slug"), "a created city is listed at once");
        assertFalse(listed.containsKey("field"), "no designation yet");
        assertEquals(name, api.get("/api/cities/" + slug).expect(200).object().getString("name"));

        admin.post("/api/cities/" + slug + "/designations", Api.json("field", "music", "year", 2017)).expect(201);
        assertEquals("music", onlyItem(api, listOf(name)).getString("field"), "the new current field is listed");
        assertEquals(2017, onlyItem(api, listOf(name)).getInt("joinedYear"));
        assertTrue(slugs(api.get("/api/cities?field=music&year=2017&country=PT&size=100").expect(200).object())
                .contains(slug), "the field and year filters see the designation");
        assertEquals(1, api.get("/api/cities/" + slug).expect(200).object().getJsonArray("designations").size());

        JsonObject written = admin.patch("/api/cities/" + slug, Api.json("description", "Changed.")).expect(200)
                .object();
        assertEquals("Changed.", api.get("/api/cities/" + slug).expect(200).object().getString("description"));
        assertEquals(written, api.get("/api/cities/" + slug).expect(200).object(),
                "the answer to a write is the profile that reads then show");

        TestUser member = TestUser.register(api, "Readwrite Member");
        member.post("/api/cities/" + slug + "/members", null).expect(201);
        assertEquals(1, api.get("/api/cities/" + slug).expect(200).object().getInt("memberCount"),
                "joining counts at once");
        admin.put("/api/cities/" + slug + "/members/" + member.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        JsonObject coordinator = api.get("/api/cities/" + slug).expect(200).object().getJsonArray("coordinators")
                .getJsonObject(0);
        assertEquals(member.id(), coordinator.getJsonNumber("accountId").longValue());
        member.patch("/api/people/" + member.id(), Api.json("displayName", "Renamed Coordinator")).expect(200);
        assertEquals("Renamed Coordinator", api.get("/api/cities/" + slug).expect(200).object()
                .getJsonArray("coordinators").getJsonObject(0).getString("displayName"), "a coordinator's new name");
        member.delete("/api/cities/" + slug + "/members/me").expect(204);
        JsonObject left = api.get("/api/cities/" + slug).expect(200).object();
        assertEquals(0, left.getInt("memberCount"));
        assertTrue(left.getJsonArray("coordinators").isEmpty());

        admin.delete("/api/cities/" + slug).expect(204);
        assertEquals(0, api.get(listOf(name)).expect(200).object().getInt("total"), "a retired city leaves the list");
        assertTrue(onlyItem(api, listOf(name) + "&retired=true").getBoolean("retired"));
        assertTrue(api.get("/api/cities/" + slug).expect(200).object().getBoolean("retired"));
        admin.patch("/api/cities/" + slug, Api.json("retired", false)).expect(200);
        assertFalse(onlyItem(api, listOf(name)).getBoolean("retired"), "reinstated");
        admin.delete("/api/cities/" + slug).expect(204);
    }

    @Test
    void aNewFieldIsAFilterAtOnceAndItsNewNameShowsInProfiles(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String field = "readwrite-field-" + System.nanoTime();
        api.get("/api/cities?field=" + field).expect(400);
        admin.post("/api/fields", Api.json("slug", field, "name", "Readwrite Field", "description", "For tests.",
                "since", 2026)).expect(201);
        assertEquals(0, api.get("/api/cities?field=" + field).expect(200).object().getInt("total"),
                "a new field is a valid filter at once");

        String name = "Fieldtown " + System.nanoTime();
        String slug = admin.post("/api/cities", Api.json("name", name, "countryCode", "NO", "designations",
                Json.createArrayBuilder().add(Api.json("field", field, "year", 2026)).build())).expect(201).object()
                .getString("slug");
        assertEquals(List.of(slug), slugs(api.get("/api/cities?field=" + field).expect(200).object()));
        admin.patch("/api/fields/" + field, Api.json("name", "Renamed Field")).expect(200);
        assertEquals("Renamed Field", api.get("/api/cities/" + slug).expect(200).object().getJsonArray("designations")
                .getJsonObject(0).getString("fieldName"));
        admin.delete("/api/cities/" + slug).expect(204);
    }

    @Test
    void conditionalRequestsRevalidateAndChangesChangeTheTag(PackagedServer server, Api api) {
        Api.Response list = api.get("/api/cities").expect(200);
        String listTag = list.header("ETag").orElseThrow();
        assertTrue(listTag.startsWith("\""), "a strong entity tag: " + listTag);
        assertEquals("no-cache", list.header("Cache-Control").orElseThrow());
        Api.Response again = api.request("GET", "/api/cities").header("If-None-Match", listTag).send().expect(304);
        assertEquals("", again.body());
        assertEquals(listTag, again.header("ETag").orElseThrow());
        api.request("GET", "/api/cities?sort=-name").header("If-None-Match", listTag).send().expect(200);
        api.request("GET", "/api/cities/lyon").header("If-None-Match", listTag).send().expect(200);
        assertEquals("Invalid header", api.request("GET", "/api/cities").header("If-None-Match", "\"unterminated")
                .send().expect(400).object().getString("title"), "a malformed precondition is the client's mistake");
        api.request("GET", "/api/cities/lyon").header("If-Match", "no-quotes").send().expect(400);

        TestUser admin = TestUser.admin(server);
        String name = "Etagville " + System.nanoTime();
        String slug = admin.post("/api/cities", Api.json("name", name, "countryCode", "CL")).expect(201).object()
                .getString("slug");
        String profileTag = api.get("/api/cities/" + slug).expect(200).header("ETag").orElseThrow();
        String searchTag = api.get(listOf(name)).expect(200).header("ETag").orElseThrow();
        api.request("GET", "/api/cities/" + slug).header("If-None-Match", profileTag).send().expect(304);
        api.request("GET", listOf(name)).header("If-None-Match", searchTag).send().expect(304);

        admin.post("/api/cities/" + slug + "/designations", Api.json("field", "film", "year", 2024)).expect(201);
        Api.Response changedProfile = api.request("GET", "/api/cities/" + slug).header("If-None-Match", profileTag)
                .send().expect(200);
        assertNotEquals(profileTag, changedProfile.header("ETag").orElseThrow());
        Api.Response changedList = api.request("GET", listOf(name)).header("If-None-Match", searchTag).send()
                .expect(200);
        assertEquals("film", changedList.object().getJsonArray("items").getJsonObject(0).getString("field"));
        assertNotEquals(searchTag, changedList.header("ETag").orElseThrow());

        String mapTag = api.get("/api/stats/map").expect(200).header("ETag").orElseThrow();
        api.request("GET", "/api/stats/map").header("If-None-Match", mapTag).send().expect(304);
        admin.delete("/api/cities/" + slug).expect(204);
    }

    @Test
    void filtersOrdersAndPagesMeanWhatTheDatabaseQueryMeant(Api api) {
        List<JsonObject> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonObject p = api.get("/api/cities?retired=true&size=100&page=" + page).expect(200).object();
            p.getJsonArray("items").forEach(v -> all.add(v.asJsonObject()));
            if (p.getJsonArray("items").size() < 100) {
                assertEquals(p.getInt("total"), all.size(), "the total counts every match");
                break;
            }
        }
        Comparator<JsonObject> byName = Comparator.comparing(c -> c.getString("name"));
        Comparator<JsonObject> byCountry = Comparator.comparing(c -> c.getJsonObject("country").getString("name"));
        Comparator<JsonObject> byYear = Comparator.comparing(c -> c.containsKey("joinedYear")
                ? Integer.valueOf(c.getInt("joinedYear")) : null, Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<JsonObject> byYearDesc = Comparator.comparing(c -> c.containsKey("joinedYear")
                ? Integer.valueOf(c.getInt("joinedYear")) : null, Comparator.nullsLast(Comparator.reverseOrder()));
        Predicate<JsonObject> active = c -> !c.getBoolean("retired");

        expect(api, "/api/cities?size=100", all, active, byName);
        expect(api, "/api/cities?sort=-name&size=100", all, active, byName.reversed());
        expect(api, "/api/cities?sort=country&size=100", all, active, byCountry.thenComparing(byName));
        expect(api, "/api/cities?sort=-country&size=100", all, active, byCountry.reversed().thenComparing(byName));
        expect(api, "/api/cities?sort=year&size=100", all, active, byYear.thenComparing(byName));
        expect(api, "/api/cities?sort=-year&size=100", all, active, byYearDesc.thenComparing(byName));
        expect(api, "/api/cities?field=gastronomy&country=it&size=100", all,
                active.and(c -> "gastronomy".equals(c.getString("field", null)))
                        .and(c -> c.getJsonObject("country").getString("code").equals("IT")), byName);
        expect(api, "/api/cities?q=S%C3%83O&sort=country&size=100", all,
                active.and(c -> folded(c).contains("sao")), byCountry.thenComparing(byName));
        expect(api, "/api/cities?q=%20kor%20&size=100", all, active.and(c -> folded(c).contains("kor")), byName);
        expect(api, "/api/cities?q=50%25_&size=100", all, active.and(c -> folded(c).contains("50")), byName);

        for (int year : new int[] {2004, 2015}) {
            JsonObject designated = api.get("/api/cities?size=100&year=" + year).expect(200).object();
            long designations = api.get("/api/stats").expect(200).object().getJsonObject("designationsPerYear")
                    .getInt(Integer.toString(year));
            assertEquals(designations, designated.getInt("total"), "one designation a year per city, " + year);
            for (String slug : slugs(designated)) {
                assertTrue(api.get("/api/cities/" + slug).expect(200).object().getJsonArray("designations").stream()
                        .anyMatch(d -> d.asJsonObject().getInt("year") == year), slug + " in " + year);
            }
        }

        List<String> pageTwo = slugs(api.get("/api/cities?sort=country&size=7&page=2").expect(200).object());
        List<String> expected = all.stream().filter(active).sorted(byCountry.thenComparing(byName)).skip(7).limit(7)
                .map(c -> c.getString("slug")).toList();
        assertEquals(expected, pageTwo, "the second page of seven");

        JsonObject problem = api.get("/api/cities?size=101&sort=colour&retired=perhaps").expect(400).object();
        assertEquals(3, problem.getJsonArray("errors").size(), problem.toString());
    }

    /**
     * Compares a list response with the catalogue filtered and sorted here. Ties in the order (two cities with one
     * name) may come either way, so the sort keys are compared, and the set of cities.
     */
    private static void expect(Api api, String path, List<JsonObject> all, Predicate<JsonObject> filter,
                               Comparator<JsonObject> order) {
        JsonObject page = api.get(path).expect(200).object();
        List<JsonObject> want = all.stream().filter(filter).sorted(order).toList();
        List<JsonObject> got = page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(want.size(), page.getInt("total"), path + " total");
        List<JsonObject> firstPage = want.subList(0, Math.min(100, want.size()));
        assertEquals(firstPage.size(), got.size(), path + " size");
        for (int i = 0; i < got.size(); i++) {
            assertEquals(0, order.compare(firstPage.get(i), got.get(i)), path + " position " + i + ": "
                    + firstPage.get(i).getString("slug") + " vs " + got.get(i).getString("slug"));
        }
        assertEquals(firstPage.stream().map(c -> c.getString("slug")).sorted().toList(),
                got.stream().map(c -> c.getString("slug")).sorted().toList(), path + " cities");
    }

    /** Name, country name and code, lower case and without accents, as free text is matched. */
    private static String folded(JsonObject c) {
        String text = c.getString("name") + " " + c.getJsonObject("country").getString("name") + " "
                + c.getJsonObject("country").getString("code");
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
