package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.creativecities.core.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class RequestedLanguagesTest {

    @Test
    void theLangParameterWinsOverTheHeaderAndOnlyItsLanguageCounts() {
        assertEquals(List.of("fr"), RequestedLanguages.of("fr-CA", "de").languages());
        assertEquals(List.of("fr"), RequestedLanguages.of("FR", null).languages());
        ProblemException bad = assertThrows(ProblemException.class, () -> RequestedLanguages.of("../en", null));
        assertEquals(400, bad.status());
    }

    @Test
    void theHeaderGivesLanguagesByWeightAndNonsenseMeansEnglish() {
        assertEquals(List.of("fr", "de"), RequestedLanguages.of(null, "de;q=0.5, fr-CA, fr;q=0.9, *;q=0.1")
                .languages());
        assertEquals(List.of(), RequestedLanguages.of(null, "no;;;=q").languages());
        assertEquals(List.of(), RequestedLanguages.of(null, "fr;q=0").languages());
        assertEquals(List.of(), RequestedLanguages.of(null, "fr," + "x".repeat(600)).languages());
        assertEquals(List.of(), RequestedLanguages.of("", null).languages());
    }

    @Test
    void aSettingWithoutALabelIsNamedByItsKeyMadeReadable() {
        assertEquals("Max drift ms", PluginTexts.readable("max-drift-ms"));
        assertEquals("Max items", PluginTexts.readable("maxItems"));
        assertEquals("Api key", PluginTexts.readable("apiKey"));
        assertEquals("Room size", PluginTexts.readable("room.size"));
        assertEquals("Tags", PluginTexts.readable("tags"));
    }
}
