package org.creativecities.app.browser;

import org.openqa.selenium.chromium.ChromiumDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks pages of the UI in one browser and lists what each shows that is not in the page's language.
 *
 * <p>Before any page script runs, {@code browser/language-capture.js} wraps {@code fetch}: it records the English
 * catalogues the page loads and the strings of the API's answers, and it can serve a pseudo-locale built from the
 * English catalogues at test time (never shipped). {@code browser/language-check.js} then reads the visible text,
 * the accessible names and the title: in {@link Mode#ENGLISH} it reports any text equal to an English catalogue
 * string; in {@link Mode#PSEUDO} any text that is neither pseudo-translated, nor data, nor made by {@code Intl}, so
 * a string written into a page instead of a catalogue fails. Pages change by the router (no reload), as a person
 * clicking links does, so a walk takes a second a page or less.
 */
final class LanguageWalk {

    /** What the check looks for. */
    enum Mode {
        /** A page in French (or any language but English) showing English. */
        ENGLISH,
        /** A page in the pseudo-locale showing a string that does not come from a catalogue. */
        PSEUDO
    }

    private final Browser browser;
    private final Mode mode;
    private final Collection<String> allowed;
    private final Map<String, List<String>> findings = new LinkedHashMap<>();
    private final int settleMillis;
    private String preload;

    private LanguageWalk(Browser browser, Mode mode, Collection<String> allowed, String pseudoLocale,
                         int settleMillis) {
        this.browser = browser;
        this.mode = mode;
        this.allowed = allowed;
        this.settleMillis = settleMillis;
        String script = resource("browser/language-capture.js").replace("%PSEUDO%", pseudoLocale);
        Object id = ((ChromiumDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", script)).get("identifier");
        this.preload = String.valueOf(id);
    }

    /** A walk of pages in the browser's own language, looking for English. */
    static LanguageWalk english(Browser browser, Collection<String> allowed) {
        return new LanguageWalk(browser, Mode.ENGLISH, allowed, "", 400);
    }

    /**
     * A walk that only goes from page to page and waits for each to settle (the accessibility walk's): it waits
     * for quiet half as long, as what it then checks (axe) does not depend on the last string of an answer.
     */
    static LanguageWalk navigator(Browser browser) {
        return new LanguageWalk(browser, Mode.ENGLISH, List.of(), "", 200);
    }

    /** A walk of pages in {@code locale}, a pseudo-locale this walk serves, looking for strings from elsewhere. */
    static LanguageWalk pseudo(Browser browser, String locale, Collection<String> allowed) {
        LanguageWalk walk = new LanguageWalk(browser, Mode.PSEUDO, allowed, locale, 400);
        browser.go("/");
        browser.js("localStorage.setItem('ccc.locale', arguments[0]);", locale);
        return walk;
    }

    /** Loads {@code path} afresh (a full page load), signed in with {@code token} or signed out when it is null. */
    LanguageWalk load(String path, String token) {
        browser.go("/");
        if (token == null) {
            browser.js("localStorage.removeItem('ccc.token');");
        } else {
            browser.js("localStorage.setItem('ccc.token', arguments[0]);", token);
        }
        browser.go(path);
        settle();
        return this;
    }

    /** Goes to {@code path} through the router and waits until the page has rendered what it loads. */
    LanguageWalk visit(String path) {
        browser.js("window.__cccWalk.navigatedAt = performance.now(); history.pushState({}, '', arguments[0]);"
                + " window.dispatchEvent(new CustomEvent('ccc-navigate'));", path);
        settle();
        return this;
    }

    /** Checks the page as it is now; the findings are kept under {@code label}. */
    LanguageWalk check(String label) {
        List<String> found = findings(allowed);
        if (!found.isEmpty()) {
            findings.computeIfAbsent(label, k -> new ArrayList<>()).addAll(found);
        }
        return this;
    }

    /** What the check finds on the page now, with these words allowed. */
    @SuppressWarnings("unchecked")
    List<String> findings(Collection<String> allow) {
        return (List<String>) browser.js(resource("browser/language-check.js"),
                mode == Mode.ENGLISH ? "english" : "pseudo", List.copyOf(allow));
    }

    /** Every finding so far, by page. */
    Map<String, List<String>> findings() {
        return findings;
    }

    /** Stops serving the capture script to later pages of the browser. */
    void stop() {
        ((ChromiumDriver) browser.driver()).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                Map.of("identifier", preload));
    }

    /**
     * Waits until the page has had 600 ms since it was asked for (for the walk's settle time of 400 ms; in
     * proportion otherwise), no request has been in flight for the settle time, no loading line is shown, and the
     * page has a heading.
     */
    private void settle() {
        browser.until("the page at " + browser.path() + " to settle", d -> (Boolean) browser.js(
                "const s = window.__cccWalk;"
                        + "return !!s && s.pending === 0 && performance.now() - s.lastDone > arguments[0]"
                        + " && performance.now() - (s.navigatedAt || 0) > arguments[0] * 1.5"
                        + " && !document.querySelector('main .state-loading, main [aria-busy=true]')"
                        + " && !!document.querySelector('main h1, main h2');", settleMillis));
    }

    private static String resource(String name) {
        try (InputStream in = LanguageWalk.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
