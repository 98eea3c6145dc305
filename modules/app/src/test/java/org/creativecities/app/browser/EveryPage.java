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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the UI, with what it needs to show something, as the walks of the browser tests visit it: one city
 * with a member, a coordinator and the administrator, its general room and a room of each kind the plugins add (a
 * film's watch party, a listening room, a tasting, a reading circle, a round-robin story), a work, an event, a
 * project and its module pages.
 *
 * <p>{@link #walks()} is the one list of pages the French walk ({@link LanguageBrowserIT}) and the accessibility walk
 * ({@link AccessibilityBrowserIT}) both go through: signed out, as a member, as a coordinator and as an
 * administrator, each where the page differs for them. {@link #assertEveryRouteVisited} fails when a route of
 * {@code ui/routes.js} (or a section of the admin console) is missing from it, so a new page joins every walk.
 */
final class EveryPage {

    /** One person's walk: signed in with {@code token} (signed out when it is null), through {@code paths}. */
    record Walk(String who, String token, List<String> paths) {
    }

    private static final Path UI = Path.of("").toAbsolutePath().getParent().resolve("core/src/main/webapp/ui");

    private final TestCities cities = new TestCities();
    final TestUser admin;
    final TestUser member;
    final TestUser coordinator;
    final String city;
    final String plugin;
    final List<String> pluginPages;
    final long room;
    final List<Long> pluginRooms;
    final long work;
    final long event;
    final long project;

    /** Creates the city and what its pages show; {@code name} names the city (the walks' own, retired after). */
    EveryPage(PackagedServer server, Api api, String name) {
        admin = TestUser.admin(server);
        city = cities.add(admin.post("/api/cities", Api.json("name", name + " " + System.nanoTime() % 100_000,
                "countryCode", "DE", "latitude", 52.5, "longitude", 13.4, "joinPolicy", "OPEN", "description",
                "A city for **languages**.", "designations", Json.createArrayBuilder()
                        .add(Api.json("field", "film", "year", 2019)).add(Api.json("field", "music", "year", 2008))
                        .add(Api.json("field", "literature", "year", 2010))
                        .add(Api.json("field", "gastronomy", "year", 2017)).build()))
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
        List<String> withPages = admin.get("/api/cities/" + city + "/modules").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(m -> m.containsKey("page") && !m.isNull("page"))
                .map(m -> m.getString("id"))
                .sorted((a, b) -> a.equals("film") ? -1 : b.equals("film") ? 1 : a.compareTo(b)).toList();
        plugin = withPages.stream().findFirst()
                .orElseThrow(() -> new AssertionError("no module with a page for " + city));
        pluginPages = withPages.stream().map(id -> "/cities/" + city + "/modules/" + id).toList();
        pluginRooms = pluginRooms();
    }

    /** A room of each kind the shipped plugins add, the coordinator its host: the film's watch party among them. */
    private List<Long> pluginRooms() {
        long space = coordinator.get("/api/spaces?city=" + city).expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(s -> s.getString("slug").equals("city-" + city)).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        String screening = coordinator.post("/api/plugins/film/cities/" + city + "/screenings", Api.json("title",
                "Mire", "year", 2026, "description", "Colour bars.", "startsAt", "2027-01-24T18:00:00Z",
                "runtimeMinutes", 2)).expect(201).object().get("id").toString().replace("\"", "");
        JsonObject party = coordinator.post("/api/plugins/film/cities/" + city + "/screenings/" + screening
                + "/watch-party", null).expect(200, 201).object();
        List<JsonObject> rooms = List.of(
                Api.json("name", party.getString("name"), "kind", party.getString("kind"), "attributes",
                        party.get("attributes")),
                Api.json("name", "Sunday tones", "kind", "listening-room"),
                Api.json("name", "Tasting night", "kind", "tasting"),
                Api.json("name", "Dubliners circle", "kind", "reading-circle", "attributes", Api.json("book",
                        "Dubliners", "chapters", List.of("The Sisters", "An Encounter"))),
                Api.json("name", "Dublin round", "kind", "round-robin", "attributes", Api.json("title", "Rain")));
        return rooms.stream().map(r -> coordinator.post("/api/spaces/" + space + "/rooms", r).expect(201).object()
                .getJsonNumber("id").longValue()).toList();
    }

    /**
     * The walks: signed out through the public pages, as a member through every page, then as the coordinator and
     * the administrator through the pages that differ for them: for the coordinator the city, every module page,
     * the rooms (as the host of one of each plugin's kinds) and an event; for the administrator the city, a module
     * page and every section of the admin console.
     */
    List<Walk> walks() {
        String cityPage = "/cities/" + city;
        String pluginPage = cityPage + "/modules/" + plugin;
        List<String> adminPages = new ArrayList<>(List.of(cityPage, pluginPage));
        adminSections().forEach(s -> adminPages.add("/admin/" + s));
        List<String> coordinatorPages = new ArrayList<>(List.of(cityPage));
        coordinatorPages.addAll(pluginPages);
        coordinatorPages.addAll(List.of("/rooms/" + room, "/events/" + event));
        pluginRooms.forEach(r -> coordinatorPages.add("/rooms/" + r));
        return List.of(
                new Walk("signed out", null, List.of("/", "/signin", "/signup", "/cities", cityPage, pluginPage,
                        "/works", "/works/" + work, "/events", "/events/" + event, "/projects",
                        "/projects/" + project, "/people", "/search?q=Tides")),
                new Walk("member", member.token(), List.of("/cities", cityPage, "/people",
                        "/people/" + coordinator.id(), "/me", "/works", "/works/new", "/works/" + work,
                        "/works/" + work + "/edit", "/events", "/events/" + event, "/projects", "/projects/" + project,
                        "/search?q=Tides", "/rooms/" + room, "/mentions", "/notifications", "/my-rooms", "/admin")),
                new Walk("coordinator", coordinator.token(), List.copyOf(coordinatorPages)),
                new Walk("administrator", admin.token(), List.copyOf(adminPages)));
    }

    /** Closes a walk's browser and retires its city (either may be null when preparing them failed). */
    static void close(Browser browser, EveryPage pages) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (pages != null) {
                pages.cities.retireAll();
            }
        }
    }

    /** Fails if a route of ui/routes.js is not among the visited paths: a new page joins the walk with the router. */
    static void assertEveryRouteVisited(Collection<String> visited, String walk) {
        Matcher m = Pattern.compile("path: '([^']+)'").matcher(read(UI.resolve("routes.js")));
        List<String> missed = new ArrayList<>();
        while (m.find()) {
            Pattern route = Pattern.compile(m.group(1).replaceAll(":[A-Za-z]+", "[^/]+"));
            if (visited.stream().map(p -> p.replaceAll("\\?.*", "")).noneMatch(p -> route.matcher(p).matches())) {
                missed.add(m.group(1));
            }
        }
        assertEquals(List.of(), missed, "routes the " + walk + " does not visit");
    }

    /** The admin console's sections, from pages/admin.js. */
    static Set<String> adminSections() {
        Matcher m = Pattern.compile("\\{ id: '([a-z-]+)', tag: 'ccc-admin-")
                .matcher(read(UI.resolve("pages/admin.js")));
        Set<String> sections = new LinkedHashSet<>();
        while (m.find()) {
            sections.add(m.group(1));
        }
        assertTrue(sections.size() >= 5, "admin sections: " + sections);
        return sections;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
