package org.creativecities.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static final ModuleInfo INFO = ModuleInfo.builder("Tasting")
            .roomKind("tasting-table", "Tasting table", "Rate dishes together.")
            .setting(SettingDefinition.integer("round-seconds", 60, "How long a round lasts.").withRange(10, 600)
                    .changeableByCityCoordinators())
            .setting(SettingDefinition.bool("public", false, "Whether visitors see results."))
            .build();

    @Test
    void bundlesAreNamedByLanguageInTheI18nFolder() {
        assertEquals(Optional.of("fr"), MessageBundles.language("i18n/messages_fr.properties"));
        assertEquals(Optional.empty(), MessageBundles.language("i18n/messages.properties"));
        assertEquals(Optional.empty(), MessageBundles.language("i18n/messages_FR.properties"));
        assertEquals(Optional.empty(), MessageBundles.language("ui/i18n/messages_fr.properties"));
        assertTrue(MessageBundles.looksLikeBundle("i18n/messages_fr-CA.properties"));
    }

    @Test
    void parsingIsStrictUtf8PropertiesWithBoundedSize() {
        Map<String, String> fr = MessageBundles.parse(
                "module.name=Dégustation\nsetting.public.label = Résultats publics\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("Dégustation", fr.get("module.name"));
        assertEquals("Résultats publics", fr.get("setting.public.label"));
        assertThrows(IllegalArgumentException.class, () -> MessageBundles.parse(
                "module.name=D\u00e9gustation".getBytes(StandardCharsets.ISO_8859_1)));
        assertThrows(IllegalArgumentException.class, () -> MessageBundles.parse(
                "module.name=\\u12".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> MessageBundles.parse(
                new byte[MessageBundles.MAX_FILE_BYTES + 1]));
    }

    @Test
    void entriesMustHaveKnownKeysAndSensibleTexts() {
        assertEquals(List.of(), MessageBundles.checkEntries("en", Map.of("module.name", "Tasting",
                "module.description", "Line one.\nLine two.", "setting.a.b.label", "A b")));
        List<String> problems = MessageBundles.checkEntries("en", Map.of("title", "x",
                "module.name", "Two\nlines", "setting.public.help", " ", "roomKind.t.name", "x".repeat(201)));
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void aCompleteSetNamesEverythingInEnglishAndNothingUndeclared() {
        Map<String, String> en = Map.of("module.name", "Tasting", "setting.round-seconds.label", "Round length",
                "setting.public.label", "Public results", "roomKind.tasting-table.name", "Tasting table");
        assertEquals(List.of(), MessageBundles.checkComplete(INFO, Map.of("en", en)));
        assertEquals(List.of("it has no English message bundle (i18n/messages_en.properties)"),
                MessageBundles.checkComplete(INFO, Map.of("fr", en)));
        List<String> problems = MessageBundles.checkComplete(INFO, Map.of("en", Map.of("module.name", "Tasting"),
                "fr", Map.of("setting.pubic.label", "Publics")));
        assertEquals(List.of(
                "its English bundle has no label for setting 'round-seconds' (setting.round-seconds.label)",
                "its English bundle has no label for setting 'public' (setting.public.label)",
                "its English bundle has no name for room kind 'tasting-table' (roomKind.tasting-table.name)",
                "bundle 'fr' names setting 'pubic', which is not declared"), problems);
    }

    @Test
    void settingsAreChangedByAdministratorsUnlessTheyOpenThemToCoordinators() {
        SettingDefinition old = new SettingDefinition("k", SettingType.STRING, null, "", false, null, null, null,
                List.of());
        assertEquals(ChangeableBy.ADMIN, old.changeableBy());
        SettingDefinition open = old.changeableByCityCoordinators().withRange(1, 5).asSecret().withPattern("[a-z]+")
                .withOptions("a");
        assertTrue(open.cityCoordinatorsMayChange());
        assertEquals(ChangeableBy.CITY_COORDINATOR, INFO.setting("round-seconds").orElseThrow().changeableBy());
    }
}
