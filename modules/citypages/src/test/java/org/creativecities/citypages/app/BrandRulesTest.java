package org.creativecities.citypages.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.citypages.CityPageException;
import org.junit.jupiter.api.Test;

class BrandRulesTest {

    @Test
    void languageTagsAreBcp47InTheirCanonicalCase() {
        assertEquals("pt-BR", BrandRules.languageTag("d", "pt-br"));
        assertEquals("fr", BrandRules.languageTag("d", "FR"));
        assertEquals("zh-Hant-TW", BrandRules.languageTag("d", "zh-hant-tw"));
        for (String bad : List.of("english", "e", "fr_FR", "fr-", "", "x-private")) {
            assertThrows(CityPageException.class, () -> BrandRules.languageTag("d", bad), bad);
        }
    }

    @Test
    void linksAreHttpsWithAHost() {
        assertEquals("https://example.org/a?b=c", BrandRules.httpsUrl("u", "https://example.org/a?b=c"));
        for (String bad : List.of("http://example.org/", "javascript:alert(1)", "https:///nohost",
                "https://user:pw@example.org/", "https://exa mple.org/")) {
            assertThrows(CityPageException.class, () -> BrandRules.httpsUrl("u", bad), bad);
        }
    }

    @Test
    void theReadersLanguageComesFirst() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("en", "");
        d.put("fr", "");
        d.put("pt-BR", "");
        assertEquals(List.of("fr", "en", "pt-BR"), BrandViews.languages(d, Optional.of("fr-CA,fr;q=0.9,en;q=0.5")));
        assertEquals(List.of("pt-BR", "en", "fr"), BrandViews.languages(d, Optional.of("pt")));
        assertEquals(List.of("en", "fr", "pt-BR"), BrandViews.languages(d, Optional.of("de")));
        assertEquals(List.of("en", "fr", "pt-BR"), BrandViews.languages(d, Optional.of(";;;=,")));
        assertEquals(List.of("en", "fr", "pt-BR"), BrandViews.languages(d, Optional.empty()));
    }
}
