package org.creativecities.app.browser;

import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core finds no serious or critical violation on any page, in English and in French, signed out, as a member,
 * as a coordinator and as an administrator.
 *
 * <p>One browser walks {@link EveryPage#walks()} (the French walk's list: every route of {@code ui/routes.js} and
 * every section of the admin console) in English, going from page to page through the router as a person following
 * links does, and runs axe (WCAG 2.0/2.1 A and AA rules) on each page ({@link #axe}). It fails with the list of
 * violations, each with its language, person, page, rule, impact and the elements concerned. The French pass runs
 * inside the French walk ({@link LanguageBrowserIT}), on the same pages in French, with the same check: it visited
 * every page a second time here before.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class AccessibilityBrowserIT {

    private static final List<String> LANGUAGES = List.of("en");

    private static EveryPage pages;
    private static Browser browser;

    @BeforeAll
    static void prepare(PackagedServer server, Api api) {
        pages = new EveryPage(server, api, "Zugangsstadt");
        browser = Browser.open(server);
    }

    @AfterAll
    static void close() {
        EveryPage.close(browser, pages);
    }

    @Test
    void noPageHasASeriousOrCriticalViolationInEitherLanguageForAnyone() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        List<String> visited = new ArrayList<>();
        long started = System.nanoTime();
        long axeNanos = 0;
        LanguageWalk walk = LanguageWalk.navigator(browser);
        try {
            // The check can fail: an image with no text alternative and a button with no name, planted in a page.
            walk.load("/", null);
            browser.js("document.body.insertAdjacentHTML('beforeend', '<div id=planted>"
                    + "<img src=/favicon.ico width=16 height=16><button></button></div>')");
            List<String> planted = browser.axe();
            browser.js("document.getElementById('planted').remove()");
            assertTrue(planted.stream().anyMatch(v -> v.startsWith("image-alt (critical)"))
                    && planted.stream().anyMatch(v -> v.startsWith("button-name (critical)")),
                    "axe finds planted violations: " + planted);

            for (String language : LANGUAGES) {
                browser.go("/");
                browser.js("localStorage.setItem('ccc.locale', arguments[0]);", language);
                for (EveryPage.Walk w : pages.walks()) {
                    for (int i = 0; i < w.paths().size(); i++) {
                        String path = w.paths().get(i);
                        if (i == 0) {
                            walk.load(path, w.token());
                        } else {
                            walk.visit(path);
                        }
                        long before = System.nanoTime();
                        axe(browser, language, w.who() + ", " + path, violations);
                        axeNanos += System.nanoTime() - before;
                        visited.add(path);
                    }
                }
            }

        } finally {
            walk.stop();
            browser.js("localStorage.removeItem('ccc.locale')");
        }
        System.out.printf("AccessibilityBrowserIT: %d pages in %d languages in %d s (axe %d s)%n",
                visited.size() / LANGUAGES.size(), LANGUAGES.size(), (System.nanoTime() - started) / 1_000_000_000,
                axeNanos / 1_000_000_000);
        EveryPage.assertEveryRouteVisited(visited, "accessibility walk");
        assertNoViolations(violations);
    }

    /**
     * Runs axe on the page the browser shows, once it rendered what it loads, and keeps its serious and critical
     * violations under "language, where"; fails at once if the page is not in {@code language}.
     */
    static void axe(Browser browser, String language, String where, Map<String, List<String>> violations) {
        String at = language + ", " + where;
        // A room's plugin element renders what its channel sends: wait for it, not only the page.
        browser.until("the plugin element at " + at, d -> (Boolean) browser.js(
                "const p = document.querySelector('.room-plugin');"
                        + "return !p || p.innerText.trim().length > 0;"));
        Object lang = browser.js("return document.documentElement.lang");
        assertEquals(language, lang, "the page's language at " + at);
        List<String> found = browser.axe();
        if (!found.isEmpty()) {
            violations.put(at, found);
        }
    }

    /** Fails with every violation {@link #axe} kept, by language, person and page. */
    static void assertNoViolations(Map<String, List<String>> violations) {
        if (!violations.isEmpty()) {
            fail("serious or critical axe violations (language, person, page → rule (impact): help (elements)):\n"
                    + violations.entrySet().stream().map(e -> e.getKey() + "\n    " + String.join("\n    ",
                    e.getValue())).collect(Collectors.joining("\n")));
        }
    }
}
