package org.creativecities.app.browser;

import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UI shell: served for every page address, hardened, bilingual, keyboard-reachable and accessible. */
@BrowserLane
@ExtendWith(BrowserServer.class)
class ShellBrowserIT {

    private static Browser browser;

    @BeforeAll
    static void open(PackagedServer server) {
        browser = Browser.open(server);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageAddressAnswersTheShellWithAStrictContentSecurityPolicy(PackagedServer server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/cities/lyon", "/rooms/12"}) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("<ccc-app>"), path);
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scripts = java.util.Arrays.stream(csp.split(";")).map(String::trim)
                    .filter(d -> d.startsWith("script-src")).findFirst().orElseThrow();
            assertTrue(scripts.startsWith("script-src 'self' 'sha256-"), csp);
            assertTrue(!scripts.contains("unsafe"), csp);
        }
        // API paths keep their own answers: an unknown API path is a problem document, not the shell.
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/no-such-thing"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        // A missing static file is a plain 404, not the shell.
        HttpResponse<String> file = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/ui/missing.js"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, file.statusCode());
    }

    @Test
    void anUnknownAddressShowsANotFoundPageAndTheLanguageSwitchIsRemembered() {
        browser.go("/no/such/page");
        browser.findWithText("main h1", "Page not found");
        browser.find("[data-testid=locale-switch]");
        browser.js("const s = document.querySelector('[data-testid=locale-switch]');"
                + "s.value = 'fr'; s.dispatchEvent(new Event('change'));");
        browser.findWithText("main h1", "Page introuvable");
        assertEquals("fr", browser.js("return document.documentElement.lang"));
        browser.driver().navigate().refresh();
        browser.findWithText("main h1", "Page introuvable");
        browser.findWithText(".site-nav", "Villes");
        browser.js("const s = document.querySelector('[data-testid=locale-switch]');"
                + "s.value = 'en'; s.dispatchEvent(new Event('change'));");
        browser.findWithText("main h1", "Page not found");
        assertEquals(java.util.List.of(), browser.axe());
    }
}
