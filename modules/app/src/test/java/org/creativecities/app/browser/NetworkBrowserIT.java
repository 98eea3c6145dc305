package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The network pages in Chromium: the home page and its map, the city directory and a city's page. */
@BrowserLane
@ExtendWith(BrowserServer.class)
class NetworkBrowserIT {

    private static void assertNoHorizontalOverflow(Browser b, String page) {
        long scroll = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) b.js("return window.innerWidth")).longValue();
        assertTrue(scroll <= inner, page + " overflows a phone's width: " + scroll + " > " + inner);
    }

    /** The first page a browser opens may meet a cold server and an empty module cache: wait longer for it. */
    private static void firstLoad(Browser b, String path, String css) {
        b.go(path);
        new WebDriverWait(b.driver(), Duration.ofSeconds(90))
                .withMessage(() -> css + " on " + path + "; the page shows: "
                        + b.js("return document.querySelector('main')?.innerText ?? document.body.innerText"))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    @Test
    void theHomePageShowsTheNetworkAndItsMap(PackagedServer server, Api api) {
        JsonObject stats = api.get("/api/stats").expect(200).object();
        try (Browser b = Browser.open(server)) {
            firstLoad(b, "/", "[data-testid=world-map]");
            System.out.println("[net] first render of the home page: " + b.firstRenderMillis() + " ms");
            assertEquals(String.format("%,d", stats.getInt("cities")), b.find("[data-testid=total-cities]").getText());
            // Bars carry their values as text; the country table names the leading countries.
            b.findWithText("[data-testid=per-field] li", "Film");
            b.findWithText("[data-testid=per-field] li", "30 cities");
            JsonObject top = stats.getJsonArray("citiesPerCountry").getJsonObject(0);
            b.findWithText("[data-testid=per-country] th", top.getString("name"));
            // The map (its clusters, keys and links: MapBrowserIT) and its legend by field.
            b.findWithText(".net-legend li", "Literature");
            b.find("[data-testid=activity], .net-home .state-empty");
            b.documentScreenshot("home");
            assertEquals(List.of(), b.axe());
        }
    }

    @Test
    void theDirectorySearchesFiltersAndPagesWithItsStateInTheAddress(PackagedServer server) {
        try (Browser b = Browser.open(server)) {
            firstLoad(b, "/cities", "[data-testid=city-results]");
            b.findWithText("[data-testid=result-count]", "cities");
            assertEquals(24, b.all("[data-testid=city-results] > li").size(), "a full first page");
            b.screenshot("cities");
            assertEquals(List.of(), b.axe());

            // Filter by field: the address records it, and every result is a film city.
            b.find("[data-testid=filter-field] option[value=film]");
            b.js("const s = document.querySelector('[data-testid=filter-field]'); s.value = 'film';"
                    + "s.dispatchEvent(new Event('change'));");
            b.findWithText("[data-testid=result-count]", "30 cities");
            assertEquals("/cities?field=film", b.path());
            b.all("[data-testid=city-results] .chip").forEach(c -> assertEquals("Film", c.getText()));

            // The second page, then a reload: same filter, same page.
            b.click(".pager button:last-of-type");
            b.until("page 2 in the address", d -> b.path().equals("/cities?field=film&page=2"));
            b.findWithText(".pager", "Page 2 of 2");
            assertEquals(6, b.all("[data-testid=city-results] > li").size());
            b.driver().navigate().refresh();
            b.findWithText(".pager", "Page 2 of 2");
            assertEquals("film", b.js("return document.querySelector('[data-testid=filter-field]').value"));
            // Back returns to the first page of film cities.
            b.driver().navigate().back();
            b.findWithText(".pager", "Page 1 of 2");
            assertEquals("/cities?field=film", b.path());

            // Free text: accents ignored; the search survives a reload; clearing shows everything again.
            b.click("[data-testid=clear-filters]");
            b.until("filters cleared", d -> b.path().equals("/cities"));
            WebElement search = b.find("[data-testid=city-search]");
            search.sendKeys("quebec", Keys.ENTER);
            b.findWithText("[data-testid=city-results] h2", "Québec City");
            b.until("the search in the address", d -> b.path().equals("/cities?q=quebec"));
            b.driver().navigate().refresh();
            b.findWithText("[data-testid=city-results] h2", "Québec City");
            assertEquals("quebec", b.find("[data-testid=city-search]").getAttribute("value"));

            // Country and year combine; nothing found is said so.
            b.go("/cities?country=FR&year=2008");
            b.findWithText("[data-testid=city-results] h2", "Lyon");
            assertEquals("FR", b.js("return document.querySelector('[data-testid=filter-country]').value"));
            b.go("/cities?q=atlantis");
            b.findWithText(".state-empty", "No city matches");
            b.go("/cities?year=1999");
            b.findWithText(".error-box", "year");
        }
    }

    @Test
    void aCityPageShowsItsBrandAndDesignationHistoryAndUnknownCitiesAreSaidSo(PackagedServer server) {
        try (Browser b = Browser.open(server)) {
            firstLoad(b, "/cities/lyon", "[data-testid=designations]");
            b.findWithText("main h1", "Lyon");
            System.out.println("[net] first render of a city page: " + b.firstRenderMillis() + " ms");
            List<WebElement> history = b.all("[data-testid=designations] li");
            assertEquals(2, history.size());
            assertTrue(history.get(0).getText().contains("2023") && history.get(0).getText().contains("Literature"),
                    history.get(0).getText());
            assertTrue(history.get(1).getText().contains("2008") && history.get(1).getText().contains("Media Arts"),
                    history.get(1).getText());
            b.findWithText("main", "Member of the network since 2008");
            assertEquals("France", b.js("return document.querySelector('main .net-eyebrow').textContent.trim()"));
            b.find("ccc-city-membership[slug=lyon]");
            b.find("ccc-city-spaces[slug=lyon]");
            b.findWithText("main h2", "Modules");
            b.find("[data-testid=modules], section[aria-labelledby=city-modules] .state-empty");
            assertTrue(b.all("section[aria-labelledby=city-modules] .error-box").isEmpty(), "the modules load");
            b.screenshot("city");
            assertEquals(List.of(), b.axe());

            b.go("/cities/atlantis");
            b.findWithText("main h1", "City not found");
            b.findWithText("[data-testid=unknown-city] a", "directory").click();
            b.until("the directory", d -> b.path().equals("/cities"));
        }
    }

    @Test
    void theFrenchUiTranslatesTheNetworkPagesAndFormatsNumbersAndDates(PackagedServer server, Api api) {
        int cities = api.get("/api/stats").expect(200).object().getInt("cities");
        TestUser admin = TestUser.admin(server);
        admin.patch("/api/cities/ljubljana", Api.json("joinPolicy", "OPEN")).expect(200);
        TestUser.register(api, "Zoé Réseau").post("/api/cities/ljubljana/members", null).expect(201);
        try (Browser b = Browser.open(server, "fr-FR")) {
            firstLoad(b, "/", "[data-testid=per-field]");
            b.findWithText("main h1", "Le Réseau des villes créatives");
            // French groups thousands with a narrow no-break space and writes 30 villes.
            String total = b.find("[data-testid=total-cities]").getText();
            assertEquals(String.valueOf(cities), total.replaceAll("\\D", ""));
            b.findWithText("[data-testid=per-field] li", "30 villes");
            b.findWithText("[data-testid=per-field] li", "Littérature");
            b.findWithText("main h2", "Activité récente");
            b.findWithText("[data-testid=map-list]", "Voir plutôt la liste des villes");
            assertEquals("Carte du monde des villes membres",
                    b.find("[data-testid=world-map]").getAttribute("aria-label"));
            WebElement joined = b.findWithText("[data-testid=activity] li", "Zoé Réseau a rejoint Ljubljana");
            WebElement when = joined.findElement(org.openqa.selenium.By.cssSelector("time"));
            assertTrue(when.getText().matches("(il y a .*|maintenant)"), when.getText());
            assertTrue(when.getAttribute("title").matches("\\d{1,2} \\p{L}+\\.? \\d{4}.*\\d{2}:\\d{2}"),
                    "a French date and time: " + when.getAttribute("title"));
            assertEquals(List.of(), b.axe());

            b.go("/cities?field=film");
            b.findWithText("[data-testid=result-count]", "30 villes");
            b.findWithText(".pager", "Page 1 sur 2");
            b.findWithText("label", "Domaine créatif");

            b.go("/cities/lyon");
            b.findWithText("main h2", "Historique des désignations");
            b.findWithText("[data-testid=designations]", "Arts numériques");
            b.findWithText("main", "Membre du réseau depuis 2008");
            b.screenshot("city-fr");
            assertEquals(List.of(), b.axe());
        }
    }

    @Test
    void thePagesFitAPhone(PackagedServer server) {
        try (Browser b = Browser.phone(server)) {
            firstLoad(b, "/", "[data-testid=world-map]");
            b.find("[data-testid=per-country]");
            assertNoHorizontalOverflow(b, "home");
            b.go("/cities");
            b.find("[data-testid=city-results]");
            assertNoHorizontalOverflow(b, "directory");
            b.go("/cities/lyon");
            b.find("[data-testid=designations]");
            assertNoHorizontalOverflow(b, "city page");
            b.screenshot("city-phone");
        }
    }
}
