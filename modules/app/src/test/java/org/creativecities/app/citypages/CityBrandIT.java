package org.creativecities.app.citypages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
 * City brand pages on the packaged server: a coordinator edits the page (descriptions per language, banner, logo,
 * links, pinned works) with If-Match, readers get their language first, members and strangers cannot edit, bad
 * input is a problem naming the field, a stale edit is 412, and every edit is a version with who and when.
 */
@ExtendWith(SharedServer.class)
class CityBrandIT {

    private final TestCities testCities = new TestCities();

    @AfterEach
    void retireTheTestCities() {
        testCities.retireAll();
    }

    static String city(TestUser admin, String name) {
        return CityPageFixtures.city(admin, name);
    }

    static TestUser member(Api api, TestUser admin, String city, String name, boolean coordinator) {
        return CityPageFixtures.member(api, admin, city, name, coordinator);
    }

    static Api.Response edit(TestUser who, String city, String ifMatch, JsonObject body) {
        return who.api().request("PATCH", "/api/cities/" + city + "/brand").header("X-Forwarded-For", who.ip())
                .header("If-Match", ifMatch).body(body).send();
    }

    static Api.Response read(TestUser who, String city, String language) {
        return who.api().request("GET", "/api/cities/" + city + "/brand").header("X-Forwarded-For", who.ip())
                .header("Accept-Language", language).send();
    }

    private static JsonObject problem(Api.Response response, int status, String field) {
        response.expect(status);
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"),
                response.toString());
        JsonObject problem = response.object();
        assertFalse(problem.toString().contains("Exception"), problem.toString());
        if (field != null) {
            List<String> fields = problem.getJsonArray("errors").stream()
                    .map(e -> e.asJsonObject().getString("field")).toList();
            assertEquals(List.of(field), fields, problem.toString());
        }
        return problem;
    }

    private static JsonObject descriptions(String... tagsAndTexts) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < tagsAndTexts.length; i += 2) {
            b.add(tagsAndTexts[i], tagsAndTexts[i + 1]);
        }
        return b.build();
    }

    @Test
    void aCoordinatorEditsThePageAndReadersGetTheirLanguageFirst(PackagedServer server, Api api) throws Exception {
        TestUser admin = TestUser.admin(server);
        String city = testCities.add(city(admin, "Brandport"), admin);
        TestUser coordinator = member(api, admin, city, "Carla Brand", true);
        String banner = CityPageFixtures.image(server, coordinator, "The harbour at dawn");
        String logo = CityPageFixtures.image(server, coordinator, "The city's logo");
        long work = CityPageFixtures.publicWork(coordinator, "Harbour Songs");

        Api.Response empty = read(coordinator, city, "en");
        empty.expect(200);
        assertEquals("\"0\"", empty.header("ETag").orElseThrow());
        assertEquals(0, empty.object().getInt("version"));
        assertTrue(empty.object().getJsonArray("descriptions").isEmpty());

        JsonObject body = Json.createObjectBuilder()
                .add("descriptions", descriptions("en", "A **creative** harbour city.", "fr",
                        "Une ville portuaire **créative**.", "pt-BR", "Uma cidade portuária criativa."))
                .add("banner", banner).add("logo", logo)
                .add("links", Json.createArrayBuilder()
                        .add(Api.json("kind", "website", "url", "https://brandport.example.org/"))
                        .add(Api.json("kind", "instagram", "url", "https://instagram.com/brandport")))
                .add("highlights", Json.createArrayBuilder().add(Api.json("type", "work", "id", work)))
                .build();
        Api.Response saved = edit(coordinator, city, "\"0\"", body);
        saved.expect(200);
        assertEquals("\"1\"", saved.header("ETag").orElseThrow());

        JsonObject fr = read(TestUser.register(api, "Reader Fr"), city, "fr-CA,fr;q=0.9,en;q=0.5").expect(200)
                .object();
        assertEquals("fr", fr.getString("language"));
        assertEquals("Une ville portuaire **créative**.", fr.getJsonObject("description").getString("markdown"));
        assertTrue(fr.getJsonObject("description").getString("html").contains("<strong>créative</strong>"),
                fr.toString());
        assertEquals(List.of("fr", "en", "pt-BR"), fr.getJsonArray("descriptions").stream()
                .map(d -> d.asJsonObject().getString("language")).toList());
        assertEquals(banner, fr.getJsonObject("banner").getString("id"));
        assertEquals("The harbour at dawn", fr.getJsonObject("banner").getString("alt"));
        assertEquals("/api/media/" + logo, fr.getJsonObject("logo").getString("url"));
        assertEquals("https://instagram.com/brandport",
                fr.getJsonArray("links").getJsonObject(1).getString("url"));
        JsonObject pinned = fr.getJsonArray("highlights").getJsonObject(0);
        assertEquals("work", pinned.getString("type"));
        assertEquals("Harbour Songs", pinned.getString("title"));
        assertEquals("Carla Brand", fr.getJsonObject("updatedBy").getString("name"));

        Api.Response anonymous = api.request("GET", "/api/cities/" + city + "/brand")
                .header("X-Forwarded-For", TestUser.freshIp()).header("Accept-Language", "pt-BR").send();
        assertEquals("pt-BR", anonymous.expect(200).object().getString("language"));
        assertEquals("en", read(coordinator, city, "de").object().getString("language"),
                "no match: the page's first language");
        assertEquals(304, api.request("GET", "/api/cities/" + city + "/brand")
                .header("X-Forwarded-For", TestUser.freshIp()).header("If-None-Match", "\"1\"").send().status());

        // A description is merged by language: an empty text removes one, the others stay.
        edit(coordinator, city, "\"1\"", Json.createObjectBuilder().add("descriptions", descriptions("pt-BR", ""))
                .build()).expect(200);
        assertEquals(List.of("en", "fr"), read(coordinator, city, "en").object().getJsonArray("descriptions")
                .stream().map(d -> d.asJsonObject().getString("language")).toList());
    }

    @Test
    void onlyTheCitysCoordinatorsAndAdministratorsEdit(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String city = testCities.add(city(admin, "Guardport"), admin);
        TestUser coordinator = member(api, admin, city, "Gil Coordinator", true);
        TestUser member = member(api, admin, city, "Mia Member", false);
        String otherCity = testCities.add(city(admin, "Elsewhere"), admin);
        TestUser otherCoordinator = member(api, admin, otherCity, "Oto Coordinator", true);
        JsonObject body = Json.createObjectBuilder().add("descriptions", descriptions("en", "Hello.")).build();

        problem(edit(member, city, null, body), 403, null);
        problem(edit(otherCoordinator, city, null, body), 403, null);
        problem(api.request("PATCH", "/api/cities/" + city + "/brand").header("X-Forwarded-For", TestUser.freshIp())
                .body(body).send(), 401, null);
        problem(edit(coordinator, "no-such-city-" + System.nanoTime(), null, body), 404, null);
        problem(api.request("GET", "/api/cities/no-such-city-" + System.nanoTime() + "/brand")
                .header("X-Forwarded-For", TestUser.freshIp()).send(), 404, null);
        assertEquals(0, read(member, city, "en").object().getInt("version"), "nothing was saved");

        edit(coordinator, city, null, body).expect(200);
        edit(admin, city, null, Json.createObjectBuilder().add("descriptions", descriptions("fr", "Bonjour."))
                .build()).expect(200);
        assertEquals(2, read(member, city, "en").object().getInt("version"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndAStaleEditIs412(PackagedServer server, Api api) throws Exception {
        TestUser admin = TestUser.admin(server);
        String city = testCities.add(city(admin, "Checkport"), admin);
        TestUser coordinator = member(api, admin, city, "Cy Checker", true);
        String noAlt = CityPageFixtures.image(server, coordinator, null);
        long draft = coordinator.post("/api/works", Api.json("title", "Draft")).expect(201).object()
                .getJsonNumber("id").longValue();

        problem(edit(coordinator, city, null, Json.createObjectBuilder()
                .add("descriptions", descriptions("english!", "Hi")).build()), 400, "descriptions");
        problem(edit(coordinator, city, null, Json.createObjectBuilder()
                .add("descriptions", descriptions("fr", "x".repeat(16385))).build()), 400, "descriptions.fr");
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("banner", "AAAAAAAAAAAAAAAAAAAAAA")
                .build()), 400, "banner");
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("logo", "not-a-media").build()),
                400, "logo");
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("logo", noAlt).build()), 400, "logo");
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("links", Json.createArrayBuilder()
                .add(Api.json("kind", "website", "url", "https://ok.example.org/"))
                .add(Api.json("kind", "website", "url", "http://plain.example.org/"))).build()), 400, "links[1].url");
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("links", Json.createArrayBuilder()
                .add(Api.json("kind", "javascript", "url", "https://ok.example.org/"))).build()), 400, "links[0].kind");
        var thirteen = Json.createArrayBuilder();
        for (int i = 0; i < 13; i++) {
            thirteen.add(Api.json("kind", "other", "url", "https://x" + i + ".example.org/"));
        }
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("links", thirteen).build()), 400,
                "links");
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("highlights", Json.createArrayBuilder()
                .add(Api.json("type", "work", "id", draft))).build()), 400, "highlights[0].id");
        problem(edit(coordinator, city, null, Json.createObjectBuilder().add("highlights", Json.createArrayBuilder()
                .add(Api.json("type", "spaceship", "id", 1))).build()), 400, "highlights[0].type");
        problem(edit(coordinator, city, "yesterday", Json.createObjectBuilder().build()), 400, "If-Match");
        problem(coordinator.api().request("PATCH", "/api/cities/" + city + "/brand")
                .header("X-Forwarded-For", coordinator.ip()).body("{\"descriptions\": ").send(), 400, null);
        assertEquals(0, read(coordinator, city, "en").object().getInt("version"), "nothing was saved");

        JsonObject first = Json.createObjectBuilder().add("descriptions", descriptions("en", "First.")).build();
        edit(coordinator, city, "\"0\"", first).expect(200);
        JsonObject stale = problem(edit(admin, city, "\"0\"", Json.createObjectBuilder()
                .add("descriptions", descriptions("en", "Lost update?")).build()), 412, null);
        assertTrue(stale.getString("detail").contains("version 1"), stale.toString());
        assertEquals("First.", read(coordinator, city, "en").object().getJsonObject("description")
                .getString("markdown"));
        edit(admin, city, "W/\"1\"", Json.createObjectBuilder().add("descriptions", descriptions("en", "Second."))
                .build()).expect(200);
    }

    @Test
    void everyEditIsAVersionWithWhoAndWhen(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String city = testCities.add(city(admin, "Historyport"), admin);
        TestUser coordinator = member(api, admin, city, "Hana Historian", true);
        edit(coordinator, city, "\"0\"", Json.createObjectBuilder().add("descriptions", descriptions("en", "One."))
                .add("links", Json.createArrayBuilder().add(Api.json("kind", "website",
                        "url", "https://history.example.org/"))).build()).expect(200);
        edit(admin, city, "\"1\"", Json.createObjectBuilder().add("descriptions", descriptions("en", "Two."))
                .build()).expect(200);

        var versions = api.request("GET", "/api/cities/" + city + "/versions")
                .header("X-Forwarded-For", TestUser.freshIp()).send().expect(200).array();
        assertEquals(2, versions.size());
        assertEquals(2, versions.getJsonObject(0).getInt("number"));
        assertEquals(admin.name(), versions.getJsonObject(0).getJsonObject("author").getString("name"));
        assertEquals(coordinator.id(), versions.getJsonObject(1).getJsonObject("author").getJsonNumber("id")
                .longValue());
        assertFalse(versions.getJsonObject(1).getString("createdAt").isBlank());

        JsonObject one = coordinator.get("/api/cities/" + city + "/versions/1").expect(200).object();
        assertEquals("One.", one.getJsonObject("descriptions").getString("en"));
        assertEquals("https://history.example.org/", one.getJsonArray("links").getJsonObject(0).getString("url"));
        JsonObject two = coordinator.get("/api/cities/" + city + "/versions/2").expect(200).object();
        assertEquals("Two.", two.getJsonObject("descriptions").getString("en"));
        assertEquals(1, two.getJsonArray("links").size(), "links stay when an edit leaves them out");
        problem(coordinator.get("/api/cities/" + city + "/versions/3"), 404, null);
        problem(coordinator.get("/api/cities/" + city + "/versions/first"), 400, null);
        problem(coordinator.get("/api/cities/no-such-city-" + System.nanoTime() + "/versions"), 404, null);
        assertEquals(JsonValue.ValueType.ARRAY, api.request("GET", "/api/cities/" + city + "/versions")
                .header("X-Forwarded-For", TestUser.freshIp()).send().json().getValueType());
    }
}
