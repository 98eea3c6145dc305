package org.creativecities.plugins.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.SettingsValidation;
import org.junit.jupiter.api.Test;

/** The message bundles name everything the plugin declares, in English and French; the settings schema holds. */
class GastronomyBundlesTest {

    private static Map<String, String> bundle(String language) throws IOException {
        try (InputStream in = GastronomyBundlesTest.class.getResourceAsStream(
                "/i18n/messages_" + language + ".properties")) {
            assertNotNull(in, "no " + language + " bundle");
            Map<String, String> entries = MessageBundles.parse(in.readAllBytes());
            assertEquals(List.of(), MessageBundles.checkEntries(language, entries));
            return entries;
        }
    }

    @Test
    void englishAndFrenchNameTheModuleItsSettingsAndItsKinds() throws IOException {
        Map<String, Map<String, String>> bundles = new TreeMap<>(Map.of("en", bundle("en"), "fr", bundle("fr")));
        ModuleInfo info = new GastronomyModule().info();
        assertEquals(List.of(), MessageBundles.checkComplete(info, bundles));
        assertEquals(bundles.get("en").keySet(), bundles.get("fr").keySet(), "French translates every English text");
        assertEquals("Dégustation", bundles.get("fr").get(MessageBundles.roomKindName(TastingRoom.ID)));
        assertEquals(List.of(), SettingsValidation.checkSchema(info.settings()));
    }
}
