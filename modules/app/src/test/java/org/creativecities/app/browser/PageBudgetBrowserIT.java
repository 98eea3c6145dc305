package org.creativecities.app.browser;

import static org.creativecities.app.browser.RoomBrowserIT.MESSAGES;
import static org.creativecities.app.browser.RoomBrowserIT.members;
import static org.creativecities.app.browser.RoomBrowserIT.name;
import static org.creativecities.app.browser.RoomBrowserIT.newRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Lighthouse-style budgets, in one Chromium, on the home page, the directory, a city, a work and a room: a first
 * visit (the browser's cache emptied) makes at most {@value #MAX_REQUESTS} requests and transfers at most 300 KB,
 * compressed, and shifts the layout by less than {@value #MAX_CLS} (CLS, from the layout-shift entries), the city,
 * work and room pages within their own lower request ceilings; a repeat
 * visit asks for no static file again (content-hashed addresses, cached for a year); and messages arriving in a
 * room shift nothing. First Contentful Paint (Paint Timing) is printed, not asserted: no test asserts a duration.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class PageBudgetBrowserIT {

    /** The budget for a first visit. */
    private static final int MAX_REQUESTS = 30;
    private static final long MAX_BYTES = 300 * 1024;
    /** The goal for the cumulative layout shift. */
    private static final double MAX_CLS = 0.02;
    /**
     * Each page's own ceiling, below the goal: what it reached (22, 14 and 20 requests), so that it cannot grow
     * back. The entry and the UI's modules it imports are one file since round 8 (bundles/app.js, ModuleBundle:
     * 38, 31 and 34 requests before), and the city page's brand strings come with the page's. Since round 9 the
     * entry's file also holds the modules most pages import and the small ones several import, and the modules only
     * one page uses are that page's file (BundlePlan: 29, 24 and 27 before). Every page asks for the worker that
     * loads the number and date formats (ui/core/intl-warm.js, cached for a year). No page asks for the same address
     * twice.
     */
    private static final int CITY_REQUESTS = 22;
    private static final int WORK_REQUESTS = 14;
    private static final int ROOM_REQUESTS = 20;
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Observes layout shifts from the navigation's start (buffered) and keeps their sum and what moved. */
    private static final String OBSERVE_SHIFTS = """
            window.__shifts = [];
            new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput)
              window.__shifts.push({value: e.value, nodes: (e.sources || []).map((s) => s.node
                ? s.node.nodeName + '.' + (s.node.className?.baseVal ?? s.node.className ?? '') : '?').join(' ')}); })
              .observe({type: 'layout-shift', buffered: arguments[0]});""";

    /** The navigation and its resources: address, bytes transferred; the first contentful paint; the shifts. */
    private static final String MEASURE = """
            const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
              .map((e) => ({name: e.name.replace(location.origin, ''), bytes: e.transferSize}));
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            return {entries, fcp: fcp ? fcp.startTime : -1, shifts: window.__shifts || []};""";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measure(Browser b) {
        return (Map<String, Object>) b.js(MEASURE);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    /** The addresses of a visit's requests that match {@code regex}. */
    private static List<Object> asked(Map<String, Object> visit, String regex) {
        return list(visit, "entries").stream().map(e -> e.get("name")).filter(n -> ((String) n).matches(regex))
                .toList();
    }

    private static double cls(Map<String, Object> m) {
        return list(m, "shifts").stream().mapToDouble(s -> ((Number) s.get("value")).doubleValue()).sum();
    }

    /** Waits until the page is quiet: its resource list has not grown for 1.5 s. */
    private static void idle(Browser b) {
        long[] last = {-1, System.nanoTime()};
        b.until("the network is idle", d -> {
            long n = ((Number) b.js("return performance.getEntriesByType('resource').length")).longValue();
            if (n != last[0]) {
                last[0] = n;
                last[1] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - last[1] > 1_500_000_000L;
        });
    }

    /**
     * Opens {@code path} as a first visit (an empty cache), waits for {@code ready}, and adds to {@code over} what
     * exceeds a budget (all pages are measured before the test fails, so that one run shows every page).
     */
    private static Map<String, Object> firstVisit(Browser b, String path, String ready, List<String> report,
            List<String> over) {
        return firstVisit(b, path, ready, MAX_REQUESTS, MAX_CLS, report, over);
    }

    /** As above, with a page's own ceilings where the goal is not reached yet (docs/notes-webperf.md). */
    private static Map<String, Object> firstVisit(Browser b, String path, String ready, int maxRequests,
            double maxCls, List<String> report, List<String> over) {
        ((ChromeDriver) b.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
        b.go(path);
        // A page's first visit may meet cold queries on a loaded machine: wait longer than a step's usual wait.
        new WebDriverWait(b.driver(), Duration.ofSeconds(90))
                .withMessage(() -> ready + " on " + path + "; the page shows: "
                        + b.js("return document.querySelector('main')?.innerText ?? document.body.innerText"))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
        b.js(OBSERVE_SHIFTS, true);
        idle(b);
        // The server's first view of the page (ShellPages) has given way to the UI's: one page in the document.
        b.until("the first view of " + path + " gives way to the UI's page", d -> (Boolean) b.js(
                "return !document.querySelector('.server-page') && document.querySelectorAll('main').length === 1"));
        Map<String, Object> m = measure(b);
        List<Map<String, Object>> entries = list(m, "entries");
        long bytes = entries.stream().mapToLong(e -> ((Number) e.get("bytes")).longValue()).sum();
        entries.forEach(e -> System.out.println("[budget] " + path + "\t" + e.get("bytes") + "\t" + e.get("name")));
        String line = String.format("%s: %d requests, %d bytes, FCP %.0f ms, CLS %.4f %s", path, entries.size(),
                bytes, ((Number) m.get("fcp")).doubleValue(), cls(m), m.get("shifts"));
        System.out.println("[budget] first visit of " + line);
        report.add(line);
        if (entries.size() > maxRequests) {
            over.add("requests on " + line + ": " + entries);
        }
        if (bytes > MAX_BYTES) {
            over.add("bytes on " + line);
        }
        if (cls(m) >= maxCls) {
            over.add("layout shift on " + line);
        }
        List<String> twice = entries.stream().map(e -> (String) e.get("name"))
                .collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getValue() + "× " + e.getKey()).toList();
        if (!twice.isEmpty()) {
            over.add("asked for more than once on " + path + ": " + twice);
        }
        if (entries.stream().anyMatch(e -> ((String) e.get("name")).contains("/src/"))) {
            over.add("a source module of a library on " + path + ": " + entries);
        }
        return m;
    }

    /** Opens {@code path} again: every static file comes from the cache, none is asked for or revalidated. */
    private static void repeatVisit(Browser b, String path, String ready, List<String> over) {
        b.go(path);
        b.find(ready);
        idle(b);
        List<Map<String, Object>> asked = list(measure(b), "entries").stream().skip(1)
                .filter(e -> !((String) e.get("name")).startsWith("/api/"))
                .filter(e -> ((Number) e.get("bytes")).longValue() > 0).toList();
        if (!asked.isEmpty()) {
            over.add("static files asked for again on a repeat visit of " + path + ": " + asked);
        }
    }

    @Test
    void theMainPagesStayWithinTheirBudgetsAndARepeatVisitAsksForNoStaticFile(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(api, name("Ana"));
        TestUser ben = TestUser.register(api, name("Ben"));
        members(admin, "lyon", ana, ben);
        long room = newRoom(admin, "lyon", "Budget " + name("r"));
        long work = ana.post("/api/works", Api.json("title", "Budget work", "content", "# Budget work\n\nText."))
                .expect(201).object().getJsonNumber("id").longValue();
        ana.post("/api/works/" + work + "/publish", Api.json()).expect(200);
        List<String> report = new ArrayList<>();
        List<String> over = new ArrayList<>();
        try (Browser b = Browser.open(server)) {
            Map<String, Object> home = firstVisit(b, "/", "[data-testid=map-land]", report, over);
            List<Object> map = list(home, "entries").stream().map(e -> e.get("name")).filter(n -> ((String) n)
                    .matches(".*(map|d3-|topojson|world-atlas).*") && !((String) n).startsWith("/api/")
                    && !((String) n).contains("/i18n/")).toList();
            if (map.size() > 4) {
                over.add("the map's own requests: " + map);
            }
            repeatVisit(b, "/", "[data-testid=map-land]", over);
            firstVisit(b, "/cities", "[data-testid=city-results]", report, over);
            Map<String, Object> city = firstVisit(b, "/cities/lyon", "main h1", CITY_REQUESTS, MAX_CLS, report,
                    over);
            // The city's spaces come with their rooms: no request per space (an N+1 the city page made before).
            List<Object> perSpace = asked(city, "/api/spaces/\\d+/rooms.*");
            if (!perSpace.isEmpty()) {
                over.add("the city page asks for each space's rooms: " + perSpace);
            }
            // The brand's text is the server's HTML; marked comes only with a coordinator's editor.
            if (!asked(city, ".*/bundles/marked\\.js").isEmpty()) {
                over.add("the city page loads marked: " + list(city, "entries"));
            }
            Map<String, Object> workPage = firstVisit(b, "/works/" + work, "main h1", WORK_REQUESTS, MAX_CLS, report,
                    over);
            // A work shows the server's rendering: the browser's Markdown library is not loaded (nor run).
            if (!asked(workPage, ".*/bundles/marked\\.js").isEmpty()) {
                over.add("the work page loads marked: " + list(workPage, "entries"));
            }
            repeatVisit(b, "/works/" + work, "main h1", over);

            // A room, signed in: the token is set on a page that loads no static file, then the cache is emptied.
            b.go("/health");
            b.js("localStorage.setItem('ccc.token', arguments[0]);", ben.token());
            Map<String, Object> roomPage = firstVisit(b, "/rooms/" + room, ".room-main .room-composer",
                    ROOM_REQUESTS, MAX_CLS, report, over);
            // The room's space is asked for by the room's id, with the room, not once the room has come.
            List<Object> spaceAfterRoom = asked(roomPage, "/api/spaces/\\d+");
            if (!spaceAfterRoom.isEmpty() || asked(roomPage, "/api/rooms/" + room + "/space").isEmpty()) {
                over.add("the room's space is not asked for with the room: " + list(roomPage, "entries"));
            }
            // A room shows its messages as the server rendered them; marked comes with the composer's preview.
            if (!asked(roomPage, ".*/bundles/marked\\.js").isEmpty()) {
                over.add("the room loads marked before its preview is opened: " + list(roomPage, "entries"));
            }
            repeatVisit(b, "/rooms/" + room, ".room-main .room-composer", over);

            // Messages arriving while the room is open shift nothing on the page.
            b.js(OBSERVE_SHIFTS, false);
            try (LiveClient a = LiveClient.open(ana)) {
                a.send(Rooms.join(room, null, "j")).reply("j");
                String last = null;
                for (int i = 1; i <= 4; i++) {
                    last = "budget-" + i + "-" + System.nanoTime();
                    a.send(Rooms.post(room, last, "Arriving " + i + ".\n\nA second paragraph, for some height."));
                    a.reply("f-" + last);
                }
                b.findWithText(MESSAGES, "Arriving 4.");
            }
            b.until("the room is quiet", d -> b.all(MESSAGES).size() >= 4);
            Map<String, Object> after = measure(b);
            if (cls(after) > 0.0001) {
                over.add("layout shifts as messages arrive: " + after.get("shifts"));
            }
        }
        report.forEach(r -> System.out.println("[budget] " + r));
        assertEquals(List.of(), over, "over budget");
    }

    @Test
    void theShellUsesContentHashedAddressesCachedForAYearAndCompressed(PackagedServer server) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String shell = get(http, server, "/").body();
        Matcher entry = Pattern.compile("src=\"(/static/([0-9a-f]{16})/bundles/app\\.js)\"").matcher(shell);
        assertTrue(entry.find(), shell);
        String hashed = "/static/" + entry.group(2);
        assertTrue(shell.contains("\"/ui/\":\"" + hashed + "/ui/\""), "the import map maps /ui/: " + shell);
        assertTrue(shell.contains("\"/works-ui/\":\"" + hashed + "/works-ui/\""), "and the contexts' folders");
        assertEquals(1, shell.split("rel=\"stylesheet\"").length - 1, "one stylesheet: " + shell);
        // The entry and the UI's modules it imports are one file: the import map sends every import of one of
        // them there, by its hashed address and by its plain one (plugins import /ui/core/…); the languages are in
        // the shell.
        for (String module : List.of("/ui/core/i18n.js", "/ui/core/api.js", "/ui/routes.js")) {
            assertTrue(shell.contains("\"" + hashed + module + "\":\"" + hashed + "/bundles/app.js\""),
                    module + shell);
            assertTrue(shell.contains("\"" + module + "\":\"" + hashed + "/bundles/app.js\""), module + shell);
        }
        assertTrue(shell.contains("rel=\"modulepreload\" href=\"/third-party/lit@3.3.1/lit.bundle.min.js\""),
                "what it imports from outside the UI is preloaded: " + shell);
        assertTrue(shell.contains("<script type=\"application/json\" id=\"ccc-locales\">{\"locales\":[{\"code\":\"en\""),
                shell);
        // A page's address preloads what that page needs: its module and what it imports (statically, and the
        // parts the page module always loads), its catalogues in English and its first API answers.
        assertTrue(!shell.contains("/ui/pages/city.js"), "the home page does not preload the city's module");
        String city = get(http, server, "/cities/lyon").body();
        for (String module : List.of("/ui/pages/city.js", "/ui/components/city-spaces.js",
                "/citypages-ui/city-brand.js")) {
            assertTrue(city.contains("<link rel=\"modulepreload\" href=\"" + hashed + module + "\">"), module + city);
        }
        assertTrue(!city.contains("modulepreload\" href=\"" + hashed + "/ui/pages/work.js"), city);
        // What more than half of the pages import (view.js), and small modules several pages import (the works'
        // list and kinds, on the city's page, the works' page and others), are in the entry's file.
        for (String module : List.of("/ui/core/view.js", "/ui/components/work-list.js", "/ui/components/work-kind.js")) {
            assertTrue(shell.contains("\"" + hashed + module + "\":\"" + hashed + "/bundles/app.js\""), module + shell);
            assertTrue(!city.contains("modulepreload\" href=\"" + hashed + module), module + city);
        }
        // The modules only the room's page uses are one file, which its address preloads instead of each.
        String room = get(http, server, "/rooms/1").body();
        assertTrue(room.contains("<link rel=\"modulepreload\" href=\"" + hashed + "/bundles/ui-pages-room.js\">"),
                room);
        for (String module : List.of("/ui/pages/room.js", "/ui/components/room-composer.js")) {
            assertTrue(room.contains("\"" + hashed + module + "\":\"" + hashed + "/bundles/ui-pages-room.js\""),
                    module + room);
            assertTrue(!room.contains("modulepreload\" href=\"" + hashed + module), module + room);
        }
        // live.js is the mentions page's too: a file of its own, so that both pages share its one connection.
        assertTrue(room.contains("<link rel=\"modulepreload\" href=\"" + hashed + "/ui/core/live.js\">"), room);
        for (String data : List.of(hashed + "/ui/i18n/en/common+city+fields+account+room+works+brand.json",
                "/api/modules/texts?lang=en", "/api/cities/lyon", "/api/fields")) {
            assertTrue(city.contains("<link rel=\"preload\" href=\"" + data + "\" as=\"fetch\" crossorigin>"),
                    data + city);
        }
        assertTrue(!city.contains("href=\"" + hashed + "/ui/core/i18n.js\""), "what the entry's file holds: " + city);
        // Markdown's two libraries are a file each (a room or a work needs only DOMPurify), hashed, without their
        // source-map comments (they named missing files).
        String[][] libraries = {{"dompurify", "purify.js", "DOMPurify"}, {"marked", "marked.js", "Marked"}};
        for (String[] lib : libraries) {
            assertTrue(shell.contains("\"" + lib[0] + "\":\"" + hashed + "/bundles/" + lib[1] + "\""), shell);
            Answer script = get(http, server, hashed + "/bundles/" + lib[1]);
            assertEquals(IMMUTABLE, script.headers().firstValue("Cache-Control").orElse(""));
            assertTrue(script.body().contains(lib[2]), lib[1]);
            assertTrue(!script.body().contains("sourceMappingURL"), "no source-map comment in " + lib[1]);
        }

        Answer app = get(http, server, entry.group(1));
        assertEquals(200, app.statusCode());
        assertEquals(IMMUTABLE, app.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("gzip", app.headers().firstValue("Content-Encoding").orElse(""));
        Answer css = get(http, server, hashed + "/bundles/site.css");
        assertEquals(IMMUTABLE, css.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse(""));
        // Several catalogues at once, by namespace; one that does not exist is empty.
        Answer strings = get(http, server, hashed + "/ui/i18n/en/common+map+nosuch.json");
        assertEquals(IMMUTABLE, strings.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(strings.body().contains("\"brand\": \"Creative Cities Commons\""), strings.body());
        assertTrue(strings.body().endsWith(",\"nosuch\":{}}"), strings.body());
        // A page loaded before a redeployment asks with another version: today's file, revalidated.
        Answer old = get(http, server, "/static/0123456789abcdef/ui/app.js");
        assertEquals(200, old.statusCode());
        assertEquals("no-cache", old.headers().firstValue("Cache-Control").orElse(""));
        for (String refused : List.of(hashed + "/WEB-INF/web.xml", hashed + "/index.html", hashed + "/ui/missing.js",
                hashed + "/ui/%2e%2e/WEB-INF/web.xml", hashed + "/ui/..%2f..%2fWEB-INF/web.xml", hashed, "/static/x")) {
            Answer r = get(http, server, refused);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, refused + ": " + r.statusCode());
            assertTrue(!r.body().contains("<web-app"), refused);
        }
    }

    /** An answer: its status, headers and body (gunzipped). */
    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }

    private static Answer get(HttpClient http, PackagedServer server, String path) throws Exception {
        // HTTP/1.1, as a browser speaks without TLS; asking for gzip, the body is read only where it is not gzipped.
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = r.body();
        if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        return new Answer(r.statusCode(), r.headers(), new String(body, StandardCharsets.UTF_8));
    }
}
