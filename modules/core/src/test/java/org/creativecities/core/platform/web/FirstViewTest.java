package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FirstViewTest {

    private static final String SHELL = "<html><head><title>Site</title>\n<meta name=\"description\" content=\"all\">"
            + "</head><body><ccc-app><noscript>JS</noscript></ccc-app></body></html>";

    @Test
    void theLanguageIsTheReadersFirstThatTheUiOffersExactlyThenByLanguageElseEnglish() {
        List<String> offered = List.of("en", "fr", "pt-BR");
        assertEquals("fr", FirstView.language(offered, List.of(Locale.forLanguageTag("fr-CA"), Locale.ENGLISH)));
        assertEquals("pt-BR", FirstView.language(offered, List.of(Locale.forLanguageTag("pt-BR"))));
        assertEquals("en", FirstView.language(offered, List.of(Locale.GERMAN, Locale.forLanguageTag("en-GB"))));
        assertEquals("en", FirstView.language(offered, List.of(Locale.JAPANESE)));
    }

    @Test
    void aFirstViewStaysUntilTheUiHasDrawnItsPageAndHidesWhatTheUiDrawsUntilThen() {
        String html = new ShellPages.Page(200, "Lyon", "<meta name=\"description\" content=\"one\">\n",
                "<main><h1>Lyon</h1></main>").applyTo(SHELL);
        assertTrue(html.contains("<ccc-app>\n<div class=\"server-page\"><main><h1>Lyon</h1></main></div>"), html);
        assertTrue(html.contains("ccc-app[data-shown] > .server-page, "
                + "ccc-app:not([data-shown]) > .server-page ~ :not(noscript) { display: none; } "
                + ".server-page { line-height: 1.6; }"), html);
        assertFalse(html.contains("content=\"all\""), "the page's description replaces the shell's");
    }

    @Test
    void aPageWithoutFirstViewHidesNothing() {
        String html = new ShellPages.Page(200, "Works", "", "").applyTo(SHELL);
        assertFalse(html.contains("server-page"), html);
        assertTrue(html.contains("<title>Works</title>"), html);
        assertTrue(html.contains("<ccc-app><noscript>"), html);
    }
}
