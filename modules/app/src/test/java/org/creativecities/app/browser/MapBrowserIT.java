package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The home page's world map in Chromium: Natural Earth's land under the cities, clusters of nearby cities with their
 * number, zoom and pan, one tab stop with arrow-key navigation and a tooltip, and a "list instead" link. The
 * first visit's request and byte budget is checked with the other pages' ({@link PageBudgetBrowserIT}).
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class MapBrowserIT {

    /** The marker that has the keyboard focus: its key, accessible name, centre and kind; null if none has it. */
    private static final String FOCUSED = "const e = document.activeElement;"
            + "if (!e || !e.closest('[data-testid=world-map]') || !e.dataset.key) return null;"
            + "const r = e.getBoundingClientRect();"
            + "return {key: e.dataset.key, label: e.getAttribute('aria-label'), x: r.x + r.width / 2,"
            + " y: r.y + r.height / 2, cluster: e.dataset.testid === 'map-cluster'};";

    /** The first page a browser opens may meet a cold server and an empty module cache: wait longer for it. */
    private static void firstLoad(Browser b, String path, String css) {
        b.go(path);
        new WebDriverWait(b.driver(), Duration.ofSeconds(90))
                .withMessage(() -> css + " on " + path + "; the page shows: "
                        + b.js("return document.querySelector('main')?.innerText ?? document.body.innerText"))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> focused(Browser b) {
        return (Map<String, Object>) b.js(FOCUSED);
    }

    private static boolean onCluster(Browser b) {
        Map<String, Object> m = focused(b);
        return m != null && Boolean.TRUE.equals(m.get("cluster"));
    }

    private static void press(Browser b, CharSequence key) {
        new Actions(b.driver()).sendKeys(key).perform();
    }

    private static String landTransform(Browser b) {
        return (String) b.js("return document.querySelector('[data-testid=map-land]').parentNode"
                + ".getAttribute('transform')");
    }

    private static double number(Map<String, Object> marker, String name) {
        return ((Number) marker.get(name)).doubleValue();
    }

    @Test
    void theMapDrawsLandClustersCitiesZoomsAndIsOneTabStopWithArrowKeysATooltipAndAList(PackagedServer server,
            Api api) {
        int mapped = api.get("/api/stats/map").expect(200).array().size();
        try (Browser b = Browser.open(server)) {
            firstLoad(b, "/", "[data-testid=map-land]");
            // Land and coastlines: one path of Natural Earth's land, drawn under the markers.
            long land = ((Number) b.js("return document.querySelector('[data-testid=map-land]')"
                    + ".getAttribute('d').length")).longValue();
            assertTrue(land > 10_000, "the land's outline is drawn: " + land + " characters");
            // Every city is on the map exactly once: as a dot of its own or counted in a cluster that shows it.
            List<WebElement> clusters = b.all("[data-testid=map-cluster]");
            assertTrue(!clusters.isEmpty(), "nearby cities merge at the world's zoom");
            int counted = 0;
            for (WebElement c : clusters) {
                assertEquals(c.getAttribute("data-count"), c.findElement(By.tagName("text")).getText(), "its count");
                counted += Integer.parseInt(c.getAttribute("data-count"));
            }
            assertEquals(mapped, counted + b.all("[data-testid=map-dot]").size(), "every city, once");
            assertTrue(clusters.size() + b.all("[data-testid=map-dot]").size() < mapped, "fewer markers than cities");

            // One tab stop: from the "list instead" link, Tab enters the map on one marker, and the next Tab leaves.
            WebElement list = b.find("[data-testid=map-list]");
            assertEquals("List the cities instead", list.getText());
            assertEquals(1L, b.js("return [...document.querySelectorAll('.net-map-frame *')]"
                    + ".filter(e => e.tabIndex >= 0 && (e.matches('a[href], button, [tabindex]'))).length"));
            b.js("document.querySelector('[data-testid=map-list]').focus()");
            press(b, Keys.TAB);
            Map<String, Object> start = focused(b);
            assertTrue(start != null, "Tab enters the map on a marker");
            b.find("[data-testid=map-tooltip]");
            press(b, Keys.TAB);
            assertEquals(null, focused(b), "the next Tab leaves the map");
            assertEquals(Boolean.FALSE, b.js("return !!document.activeElement.closest('.net-map-frame')"));
            new Actions(b.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            assertEquals(start.get("key"), focused(b).get("key"), "Shift+Tab comes back to the same marker");

            // The arrows move to the nearest marker in their direction; the tooltip names what has the focus.
            Map<String, Object> from = focused(b);
            press(b, Keys.ARROW_RIGHT);
            Map<String, Object> right = b.until("the focus moves right", d -> {
                Map<String, Object> m = focused(b);
                return m != null && !m.get("key").equals(from.get("key")) ? m : null;
            });
            assertTrue(number(right, "x") > number(from, "x"), "right is to the right: " + from + " → " + right);
            press(b, Keys.ARROW_DOWN);
            Map<String, Object> down = b.until("the focus moves down", d -> {
                Map<String, Object> m = focused(b);
                return m != null && !m.get("key").equals(right.get("key")) ? m : null;
            });
            assertTrue(number(down, "y") > number(right, "y"), "down is below: " + right + " → " + down);
            // A city's tooltip starts with its name, a cluster's with its count: both are in the marker's name.
            String tip = b.find("[data-testid=map-tooltip] strong").getText();
            assertTrue(((String) down.get("label")).contains(tip), "the tooltip '" + tip + "' names " + down);

            // A cluster: its tooltip shows its count; Enter zooms in and the focus stays on a marker of the map.
            b.js("document.querySelector('[data-testid=map-cluster]').focus()");
            Map<String, Object> cluster = focused(b);
            String count = b.find("[data-testid=map-cluster]:focus").getAttribute("data-count");
            b.findWithText("[data-testid=map-tooltip]", count + " cities");
            assertEquals(List.of(), b.axe(), "axe, with a tooltip shown");
            press(b, Keys.ENTER);
            b.until("Enter on a cluster zooms in", d -> Double.parseDouble(
                    b.find("[data-testid=world-map]").getAttribute("data-zoom")) > 1);
            assertTrue(focused(b) != null, "the focus stays on the map after zooming: " + cluster);
            // Down to one city: Enter on clusters until the focus is on a city, then Enter opens its page.
            for (int i = 0; i < 10 && onCluster(b); i++) {
                String before = b.find("[data-testid=world-map]").getAttribute("data-zoom");
                press(b, Keys.ENTER);
                b.until("the zoom deepens", d -> !before.equals(b.find("[data-testid=world-map]")
                        .getAttribute("data-zoom")));
            }
            Map<String, Object> city = focused(b);
            assertEquals(Boolean.FALSE, city.get("cluster"), "zooming in separates the cities");
            String name = b.find("[data-testid=map-tooltip] strong").getText();
            assertTrue(((String) city.get("label")).startsWith(name), city + " / " + name);
            assertEquals(List.of(), b.axe(), "axe, zoomed in");
            press(b, Keys.ENTER);
            b.until("the city's page", d -> b.path().equals("/cities/" + city.get("key")));
            b.findWithText("main h1", name);

            // Back on the home page: the buttons zoom in (and the clusters split), a drag pans without opening a city.
            b.driver().navigate().back();
            b.find("[data-testid=map-land]");
            int before = b.all("[data-testid=map-cluster], [data-testid=map-dot]").size();
            b.click("[data-testid=map-zoom-in]");
            b.click("[data-testid=map-zoom-in]");
            b.until("zoomed in", d -> "4".equals(b.find("[data-testid=world-map]").getAttribute("data-zoom")));
            int after = b.all("[data-testid=map-cluster], [data-testid=map-dot]").size();
            assertTrue(after > before, "zoomed in, the clusters split: " + before + " → " + after + " markers");
            String transform = landTransform(b);
            new Actions(b.driver()).moveToElement(b.find("[data-testid=world-map]")).clickAndHold()
                    .moveByOffset(-60, -30).moveByOffset(-60, -30).release().perform();
            b.until("the drag pans the map", d -> !transform.equals(landTransform(b)));
            assertEquals("/", b.path(), "a drag does not open the city it starts or ends on");
            b.screenshot("map-zoomed");

            // The "list instead" link leads to the directory.
            b.click("[data-testid=map-list]");
            b.until("the directory", d -> b.path().equals("/cities"));
            b.find("[data-testid=city-results]");
        }
    }

    @Test
    void theMapsDrawingIsPreloadedWithTheHomePageAndServedCompressedAndCachedForAYear(PackagedServer server)
            throws Exception {
        // HTTP/1.1, as a browser speaks without TLS (over an h2c upgrade Grizzly does not compress: CompressionIT).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String shell = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher preload = Pattern.compile("<link rel=\"modulepreload\" href=\"(/static/[0-9a-f]+/ui/components/"
                + "world-paths\\.js)\">").matcher(shell);
        assertTrue(preload.find(), "the home page's shell preloads the map's projected drawing: " + shell);
        HttpResponse<byte[]> paths = http.send(HttpRequest.newBuilder(server.baseUri().resolve(preload.group(1)))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, paths.statusCode());
        assertEquals("public, max-age=31536000, immutable", paths.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("gzip", paths.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(paths.body().length < 45_000, "100 KB of paths travel as " + paths.body().length + " bytes");
        // No geographic library and no TopoJSON on the page any more: the land is drawn from the path.
        assertTrue(!shell.contains("d3-geo") && !shell.contains("topojson") && !shell.contains("world-atlas"), shell);
    }
}
