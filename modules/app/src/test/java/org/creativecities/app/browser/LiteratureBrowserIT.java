package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The literature plugin in real browsers, through its UI modules above the room's chat: in a reading circle a member
 * marks her progress and reads a chapter's thread while a later chapter stays locked for her (its post never reaches
 * her page); a host's post in her chapter appears live. In a round-robin story two people join the rota, the host
 * starts it, and the one whose turn it is writes the story's first part, which everyone sees (the second browser in
 * French).
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class LiteratureBrowserIT {

    private static final String CIRCLE = "[data-testid=lit-circle]";
    private static final String STORY = "[data-testid=lit-story]";

    private static String city(TestUser admin) {
        return admin.post("/api/cities", Api.json("name", "Browsing Readers " + System.nanoTime(),
                "countryCode", "IE", "latitude", 53.35, "longitude", -6.26, "website", "https://example.org/books",
                "joinPolicy", "OPEN", "designations", Json.createArrayBuilder()
                        .add(Api.json("field", "literature", "year", 2010)).build())).expect(201).object()
                .getString("slug");
    }

    private static long room(TestUser host, String city, String kind, String name, Object attributes) {
        long space = host.get("/api/spaces?city=" + city).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        return host.post("/api/spaces/" + space + "/rooms", Api.json("name", name, "kind", kind,
                "attributes", attributes)).expect(201).object().getJsonNumber("id").longValue();
    }

    private static void post(Browser b, String text) {
        b.type("[data-testid=lit-post-text]", text);
        b.click("[data-testid=lit-post-send]");
    }

    @Test
    void aReaderSeesTheThreadsOfTheChaptersSheReachedAndTheRotaWritesAStoryInTurns(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String city = city(admin);
        TestUser host = TestUser.register(api, "Iris Host");
        TestUser reader = TestUser.register(api, "Nora Reader");
        for (TestUser p : List.of(host, reader)) {
            p.post("/api/cities/" + city + "/members", null).expect(201);
        }
        admin.put("/api/cities/" + city + "/members/" + host.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        long circle = room(host, city, "reading-circle", "Dubliners circle", Api.json("book", "Dubliners",
                "chapters", List.of("The Sisters", "An Encounter", "Araby")));
        String spoiler = "Araby ends in darkness " + System.nanoTime();

        try (Browser h = Browser.open(server); Browser r = Browser.open(server, "fr-FR")) {
            h.useToken(host.token());
            h.go("/rooms/" + circle);
            h.find(CIRCLE);
            h.click("[data-testid=lit-reach-3]");
            h.click("[data-testid=lit-open-3]");
            h.find("[data-testid=lit-thread]");
            post(h, spoiler);
            h.findWithText("[data-testid=lit-post]", spoiler);

            r.useToken(reader.token());
            r.go("/rooms/" + circle);
            r.find(CIRCLE);
            r.click("[data-testid=lit-reach-2]");
            r.findWithText("[data-testid=lit-reached]", "chapitre 2");
            r.click("[data-testid=lit-open-2]");
            r.find("[data-testid=lit-thread]");
            assertTrue(r.all("[data-testid=lit-open-3]").isEmpty(), "chapter 3's thread stays locked for her");

            h.click("[data-testid=lit-open-2]");
            h.findWithText("[data-testid=lit-thread] h3", "An Encounter");
            post(h, "The boys never reach the Pigeon House.");
            r.findWithText("[data-testid=lit-post]", "Pigeon House");
            assertFalse(r.find(CIRCLE).getText().contains(spoiler), "chapter 3's post never reached her page");
            r.documentScreenshot("literature-reading-circle-fr");
            h.documentScreenshot("literature-reading-circle");
            assertEquals(List.of(), r.axe().stream().filter(v -> v.contains("lit-")).toList(),
                    "accessibility of the reading circle");

            long story = room(host, city, "round-robin", "Dublin round", Api.json("title", "Rain on the Liffey"));
            h.go("/rooms/" + story);
            r.go("/rooms/" + story);
            h.click("[data-testid=lit-join]");
            h.findWithText("[data-testid=lit-rota]", "Iris Host");
            r.click("[data-testid=lit-join]");
            h.findWithText("[data-testid=lit-rota]", "Nora Reader");
            h.click("[data-testid=lit-start]");
            h.find("[data-testid=lit-turn-text]");
            r.find(STORY + "[data-status=writing]");
            assertTrue(r.all("[data-testid=lit-turn-text]").isEmpty(), "only the one whose turn it is may write");
            h.type("[data-testid=lit-turn-text]", "It rained on the Liffey for forty days.");
            h.click("[data-testid=lit-write]");
            r.findWithText("[data-testid=lit-story-text]", "forty days");
            r.find("[data-testid=lit-turn-text]");
            r.find("[data-testid=lit-story-work]");
            h.documentScreenshot("literature-round-robin");
            r.documentScreenshot("literature-round-robin-fr");
            assertEquals(List.of(), h.axe().stream().filter(v -> v.contains("lit-")).toList(),
                    "accessibility of the round-robin story");
            assertTrue(h.console().stream().noneMatch(e -> e.getLevel().getName().equals("SEVERE")
                    && e.getMessage().contains("/plugins/literature/")), "the literature modules logged no error");
        }
    }
}
