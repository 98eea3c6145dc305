package org.creativecities.app.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.works.WorksEditing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page in French shows French, and a language is only catalogue files.
 *
 * <p>The French walk visits every route of {@code ui/routes.js} (and every section of the admin console) in French,
 * signed out, as a member, as a coordinator and as an administrator, and fails on any text, accessible name or
 * title equal to a string of an English catalogue, or any country named in English; strings French says the same
 * way are listed in {@code browser/same-in-french.txt}. The pseudo-locale test declares a language the platform does
 * not ship ({@value #PSEUDO}), served from the English catalogues at test time, and checks that pages render in it
 * with nothing from outside a catalogue: a string written into a page fails it.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class LanguageBrowserIT {

    private static final String PSEUDO = "en-XA";
    /** What no language translates, written in the UI's code: the licences' short names (components/work-util.js). */
    private static final Set<String> PROPER_NAMES = Set.of("CC BY-SA 4.0", "CC BY 4.0", "CC BY-NC 4.0", "CC0 1.0");
    private static final Path UI = Path.of("").toAbsolutePath().getParent().resolve("core/src/main/webapp/ui");
    /** Parts of pages still left in English: reported, not failed (docs/architecture.md, "Languages"). */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "/my-rooms", "[data-testid=my-room] .row > a, [data-testid=my-room] .row > a + span");

    private static final TestCities CITIES = new TestCities();
    private static TestUser admin;
    private static TestUser member;
    private static TestUser coordinator;
    private static String city;
    private static String plugin;
    private static long room;
    private static long work;
    private static long event;
    private static long project;
    private static Browser browser;

    @BeforeAll
    static void prepare(PackagedServer server, Api api) {
        admin = TestUser.admin(server);
        city = CITIES.add(admin.post("/api/cities", Api.json("name", "Sprachstadt " + System.nanoTime() % 100_000,
                "countryCode", "DE", "latitude", 52.5, "longitude", 13.4, "joinPolicy", "OPEN", "description",
                "A city for **languages**.", "designations", Json.createArrayBuilder()
                        .add(Api.json("field", "film", "year", 2019)).build()))
                .expect(201).object().getString("slug"), admin);
        member = TestUser.register(api, "Walker Member");
        member.post("/api/cities/" + city + "/members", null).expect(201);
        coordinator = TestUser.register(api, "Walker Coordinator");
        coordinator.post("/api/cities/" + city + "/members", null).expect(201);
        admin.put("/api/cities/" + city + "/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        room = Rooms.generalRoom(member, city);
        // An entry of the audit log that names the room and its space, as the administrator's walk then shows it.
        coordinator.post("/api/rooms/" + room + "/moderation", Api.json("action", "mute", "accountId", member.id(),
                "minutes", 10)).expect(204);
        work = WorksEditing.create(member, "title", "Tides", "content", "Hello, **tides**.");
        event = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Atelier ouvert", city,
                "2027-03-10T18:00", "2027-03-10T20:00", "Europe/Berlin")).expect(201).object());
        JsonObject created = member.post("/api/projects", Api.json("title", "Flussfilm", "goal", "A *film*.",
                "cities", Json.createArrayBuilder().add(city).build(),
                "fields", Json.createArrayBuilder().add("film").build())).expect(201).object();
        project = created.getJsonNumber("id").longValue();
        plugin = admin.get("/api/cities/" + city + "/modules").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(m -> m.containsKey("page") && !m.isNull("page"))
                .map(m -> m.getString("id"))
                .sorted((a, b) -> a.equals("film") ? -1 : b.equals("film") ? 1 : a.compareTo(b))
                .findFirst().orElseThrow(() -> new AssertionError("no module with a page for " + city));
        browser = Browser.open(server, "fr-FR");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        CITIES.retireAll();
    }

    @Test
    void everyPageInFrenchShowsNoEnglishSignedOutAsAMemberACoordinatorAndAnAdministrator() {
        LanguageWalk walk = LanguageWalk.english(browser, sameInFrench());
        List<String> visited = new ArrayList<>();
        try {
            walk(walk, visited, null, "/", "/signin", "/signup");
            walk(walk, visited, member.token(), "/cities", "/cities/" + city, "/people", "/people/" + coordinator.id(),
                    "/me", "/works", "/works/new", "/works/" + work, "/works/" + work + "/edit", "/events",
                    "/events/" + event, "/projects", "/projects/" + project, "/search?q=Tides", "/rooms/" + room,
                    "/mentions", "/notifications", "/my-rooms", "/admin");
            walk(walk, visited, coordinator.token(), "/cities/" + city, "/cities/" + city + "/modules/" + plugin,
                    "/rooms/" + room, "/events/" + event);
            List<String> adminPages = new ArrayList<>(List.of("/cities/" + city,
                    "/cities/" + city + "/modules/" + plugin));
            adminSections().forEach(s -> adminPages.add("/admin/" + s));
            walk(walk, visited, admin.token(), adminPages.toArray(String[]::new));

            // The check can fail: a catalogue string written into the page, one with its placeholders filled, and
            // a date written by Intl in English.
            browser.js("document.body.insertAdjacentHTML('beforeend', '<div id=planted><p>Cities</p>"
                    + "<p>Page 2 of 7 (130 in all)</p><p>Dec 5, 2026, 3:04 PM</p></div>')");
            List<String> planted = walk.findings(sameInFrench());
            browser.js("document.getElementById('planted').remove()");
            assertTrue(planted.containsAll(List.of("p: Cities", "p: Page 2 of 7 (130 in all)",
                    "p: Dec 5, 2026, 3:04 PM")), "the check finds English: " + planted);
        } finally {
            walk.stop();
        }
        assertEveryRouteVisited(visited);
        assertEquals(Map.of(), walk.findings(), "English left on French pages (page → where: text)");
    }

    @Test
    void aLanguageDeclaredWithItsCataloguesIsOfferedAndEveryStringOfAPageComesFromThem() {
        LanguageWalk walk = LanguageWalk.pseudo(browser, PSEUDO, PROPER_NAMES);
        try {
            walk.load("/cities/" + city, member.token());
            browser.screenshot("pseudo-locale");
            assertEquals(PSEUDO, browser.js("return document.documentElement.lang"));
            String offered = (String) browser.js("return [...document.querySelectorAll("
                    + "'[data-testid=locale-switch] option')].map(o => o.value).join(' ')");
            assertEquals("en fr " + PSEUDO, offered, "the language switch offers the declared languages");
            assertTrue(browser.find(".site-nav a[href='/cities']").getText().startsWith("⟦"), "the menu is in it");
            String page = (String) browser.js("return document.getElementById('main').innerText");
            assertTrue(page.contains("⟦"), "the page is in it: " + page);
            walk.check("/cities/" + city);
            for (String path : List.of("/cities", "/people", "/people/" + coordinator.id(), "/works", "/works/" + work,
                    "/me", "/search?q=Tides")) {
                walk.visit(path).check(path);
            }
            browser.js("document.body.insertAdjacentHTML('beforeend', '<p id=planted>Save changes</p>')");
            List<String> planted = walk.findings(Set.of());
            browser.js("document.getElementById('planted').remove()");
            assertTrue(planted.stream().anyMatch(f -> f.startsWith("p#planted: Save changes")),
                    "the check finds a string from outside the catalogues: " + planted);
        } finally {
            walk.stop();
            browser.js("localStorage.removeItem('ccc.locale')");
        }
        assertEquals(Map.of(), walk.findings(), "strings not from a catalogue (page → where: text)");
    }

    /** Signs in as {@code token} (or out) on the first path, then goes through the others by the router. */
    private static void walk(LanguageWalk walk, List<String> visited, String token, String... paths) {
        walk.load(paths[0], token);
        check(walk, paths[0]);
        visited.add(paths[0]);
        for (int i = 1; i < paths.length; i++) {
            walk.visit(paths[i]);
            check(walk, paths[i]);
            visited.add(paths[i]);
        }
    }

    private static void check(LanguageWalk walk, String path) {
        String elsewhere = ELSEWHERE.get(path);
        if (elsewhere != null) {
            List<String> all = walk.findings(sameInFrench());
            System.out.println("LanguageBrowserIT: on " + path + ", owned by another change (" + elsewhere + "): "
                    + all);
            browser.js("document.querySelectorAll(arguments[0]).forEach(e => e.setAttribute('data-lang-skip', ''))",
                    elsewhere);
        }
        walk.check(path);
    }

    /** Fails if a route of ui/routes.js was not visited: a new page joins the walk when it joins the router. */
    private static void assertEveryRouteVisited(List<String> visited) {
        Matcher m = Pattern.compile("path: '([^']+)'").matcher(read(UI.resolve("routes.js")));
        List<String> missed = new ArrayList<>();
        while (m.find()) {
            Pattern route = Pattern.compile(m.group(1).replaceAll(":[A-Za-z]+", "[^/]+"));
            if (visited.stream().map(p -> p.replaceAll("\\?.*", "")).noneMatch(p -> route.matcher(p).matches())) {
                missed.add(m.group(1));
            }
        }
        assertEquals(List.of(), missed, "routes the French walk does not visit");
    }

    /** The admin console's sections, from pages/admin.js. */
    private static Set<String> adminSections() {
        Matcher m = Pattern.compile("\\{ id: '([a-z-]+)', tag: 'ccc-admin-")
                .matcher(read(UI.resolve("pages/admin.js")));
        Set<String> sections = new LinkedHashSet<>();
        while (m.find()) {
            sections.add(m.group(1));
        }
        assertTrue(sections.size() >= 5, "admin sections: " + sections);
        return sections;
    }

    private static Set<String> sameInFrench() {
        try (InputStream in = LanguageBrowserIT.class.getClassLoader()
                .getResourceAsStream("browser/same-in-french.txt")) {
            return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
