package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17: every address served the same {@code index.html}, so no page had a meta description of its own (the
 * audit's one SEO failure). The sections carry their own title, description and OpenGraph tags in the reader's
 * language; every other page carries the site's description; a page with its own (a city's) carries only that one.
 */
@ExtendWith(SharedServer.class)
class SectionPagesIT {

    private static final Pattern DESCRIPTION = Pattern.compile("<meta name=\"description\" content=\"([^\"]*)\">");

    private static String page(Api api, String path, String language) {
        Api.Response answer = api.request("GET", path).header("Accept-Language", language).send();
        assertEquals(200, answer.status(), path);
        assertTrue(answer.header("Content-Type").orElse("").startsWith("text/html"), path);
        return answer.body();
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    /** The page's one meta description. */
    private static String description(String html) {
        Matcher m = DESCRIPTION.matcher(html);
        assertTrue(m.find(), "a meta description: " + html);
        String found = m.group(1);
        assertTrue(!m.find(), "only one meta description: " + html);
        return found;
    }

    @Test
    void eachSectionHasItsOwnTitleDescriptionAndSharingTagsInTheReadersLanguage(PackagedServer server, Api api) {
        String cities = page(api, "/cities", "fr-FR,fr;q=0.9,en;q=0.5");
        assertEquals("Villes membres · Creative Cities Commons", title(cities));
        assertTrue(description(cities).startsWith("Les villes membres du Réseau"), cities);
        assertTrue(cities.contains("<meta property=\"og:title\" content=\"Villes membres\">"), cities);
        String base = server.baseUri().toString().replaceAll("/$", "");
        assertTrue(cities.contains("<meta property=\"og:url\" content=\"" + base + "/cities\">"), cities);

        String events = page(api, "/events", "en-GB,en;q=0.8");
        assertEquals("Events · Creative Cities Commons", title(events));
        assertTrue(description(events).contains("Festivals, workshops"), events);

        assertEquals("Projets · Creative Cities Commons", title(page(api, "/projects", "fr")));

        String home = page(api, "/", "de-DE");
        assertEquals("Creative Cities Commons", title(home));
        assertTrue(description(home).contains("UNESCO Creative Cities Network"), "English for other languages");
        assertTrue(!description(home).equals(description(page(api, "/works", "en"))), "each section its own");
    }

    @Test
    void everyOtherPageHasTheSitesDescriptionAndACityPageOnlyItsOwn(Api api) {
        String room = page(api, "/rooms/1", "en");
        assertEquals("Creative Cities Commons", title(room));
        assertTrue(description(room).contains("UNESCO Creative Cities Network"), room);

        String lyon = page(api, "/cities/lyon", "en");
        assertTrue(title(lyon).startsWith("Lyon"), title(lyon));
        assertTrue(!description(lyon).startsWith("The joint platform"), "the city's own: " + description(lyon));
    }
}
