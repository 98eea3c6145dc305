package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The search page: one box, hits with their matched words marked and the rest shown as text (markup in a profile
 * stays text), the kind filter kept in the address, and French.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class SearchBrowserIT {

    @Test
    void oneBoxFindsAPersonWithMarkedWordsAndFiltersByKindInEnglishAndFrench(PackagedServer server, Api api) {
        String name = "Zoë Searchpage" + Long.toString(System.nanoTime() % 1_000_000L, 36);
        TestUser zoe = TestUser.register(api, name);
        zoe.patch("/api/people/" + zoe.id(), Api.json("bio", "Céramique et <em>verre</em> à Lyon",
                "homeCity", "lyon")).expect(200);
        String plain = name.replace("ë", "e").toLowerCase();
        try (Browser b = Browser.open(server)) {
            b.go("/search");
            b.type("[data-testid=search-q]", plain + " CERAMIQUE");
            b.click("[data-testid=search-submit]");
            b.until("the box in the address", d -> b.path().startsWith("/search?q="));
            // The index follows the profile change in the background: search again until it shows.
            WebElement hit = b.until("the person found", d -> {
                List<WebElement> hits = b.all("[data-testid=search-hit][data-kind=person]");
                if (hits.isEmpty() && !b.all("[data-testid=search-results] .state-empty, [data-testid=search-count]")
                        .isEmpty()) {
                    b.driver().navigate().refresh();
                    return null;
                }
                return hits.isEmpty() ? null : hits.get(0);
            });
            assertTrue(hit.getText().contains(name), hit.getText());
            WebElement snippet = hit.findElement(By.cssSelector("[data-testid=search-snippet]"));
            assertEquals("Céramique", snippet.findElement(By.tagName("mark")).getText());
            assertTrue(snippet.getText().contains("<em>verre</em>"), "markup is shown as text: " + snippet.getText());
            assertEquals(0, snippet.findElements(By.tagName("em")).size(), "no element from the text");
            assertEquals("/people/" + zoe.id(), java.net.URI.create(hit.findElement(By.cssSelector("h2 a"))
                    .getAttribute("href")).getPath());

            new Select(b.find("[data-testid=search-kind]")).selectByValue("city");
            b.type("[data-testid=search-q]", "bistrita");
            b.click("[data-testid=search-submit]");
            b.until("the kind in the address", d -> b.path().contains("kind=city"));
            b.findWithText("[data-testid=search-count]", "1 result");
            b.findWithText("[data-testid=search-hit][data-kind=city] h2", "Bistrița");
            assertEquals(List.of(), b.axe(), "axe on /search with results");
        }
        try (Browser b = Browser.open(server, "fr-FR")) {
            b.go("/search?q=bistrita&kind=city");
            b.findWithText("h1", "Recherche");
            b.findWithText("[data-testid=search-count]", "1 résultat");
            b.findWithText("[data-testid=search-hit] .muted", "Ville");
        }
    }
}
