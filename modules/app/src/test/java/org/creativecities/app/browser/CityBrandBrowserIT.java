package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.citypages.CityPageFixtures;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The city's brand page in a real browser: a coordinator edits it with language tabs and a live, sanitised preview,
 * saves, and every reader sees it; a member of the city gets no editor. axe finds nothing serious on either view.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class CityBrandBrowserIT {

    private final TestCities testCities = new TestCities();

    @AfterEach
    void retireTheTestCities() {
        testCities.retireAll();
    }

    @Test
    void aCoordinatorEditsThePageWithAPreviewAndAMemberCannot(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        String city = testCities.add(CityPageFixtures.city(admin, "Brandwick"), admin);
        TestUser coordinator = CityPageFixtures.member(api, admin, city, "Cora Brand", true);
        TestUser member = CityPageFixtures.member(api, admin, city, "Mel Member", false);

        try (Browser b = Browser.open(server)) {
            b.useToken(coordinator.token()).go("/cities/" + city);
            b.findWithText("[data-testid=city-brand]", "has not written its page yet");
            b.click("[data-testid=brand-edit]");
            b.type("[data-testid=brand-text]", "A **harbour** of <script>alert(1)</script> songs.");
            b.until("the preview renders the Markdown", d -> !b.all("[data-testid=brand-preview] strong").isEmpty());
            assertEquals("harbour", b.find("[data-testid=brand-preview] strong").getText());
            assertTrue(b.all("[data-testid=brand-preview] script").isEmpty(), "the preview drops scripts");
            b.type("[data-testid=brand-new-language]", "fr");
            b.click("[data-testid=brand-editor] [data-testid=brand-new-language] + button");
            b.find("[data-testid=brand-tab-fr][aria-selected=true]");
            b.type("[data-testid=brand-text]", "Un port de *chansons*.");
            b.click("[data-testid=brand-add-link]");
            b.type("[data-testid=brand-link-url-0]", "https://brandwick.example.org/");
            assertEquals(List.of(), b.axe(), "axe on the brand page editor");
            b.click("[data-testid=brand-save]");
            b.findWithText("[data-testid=brand-description] strong", "harbour");
            b.findWithText("[data-testid=brand-links]", "Website");
        }

        JsonObject saved = member.get("/api/cities/" + city + "/brand").expect(200).object();
        assertEquals(1, saved.getInt("version"));
        assertEquals(2, saved.getJsonArray("descriptions").size());
        assertEquals("Cora Brand", saved.getJsonObject("updatedBy").getString("name"));

        try (Browser b = Browser.open(server)) {
            b.useToken(member.token()).go("/cities/" + city);
            b.findWithText("[data-testid=brand-description] strong", "harbour");
            assertTrue(b.all("[data-testid=brand-edit]").isEmpty(), "a member gets no editor");
            assertEquals(List.of(), b.axe(), "axe on the brand page for a member");
        }
    }
}
