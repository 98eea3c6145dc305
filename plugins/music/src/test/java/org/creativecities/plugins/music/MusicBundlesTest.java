package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.junit.jupiter.api.Test;

/** The music plugin's message bundles name everything it declares, in English and French, as API 1.3 asks. */
class MusicBundlesTest {

    private static Map<String, String> bundle(String language) throws IOException {
        try (InputStream in = MusicBundlesTest.class.getResourceAsStream(
                "/i18n/messages_" + language + ".properties")) {
            assertNotNull(in, "no " + language + " bundle");
            Map<String, String> entries = MessageBundles.parse(in.readAllBytes());
            assertEquals(List.of(), MessageBundles.checkEntries(language, entries));
            return entries;
        }
    }

    @Test
    void englishAndFrenchNameTheModuleItsSettingsItsRoomKindAndItsWorkKind() throws IOException {
        Map<String, Map<String, String>> bundles = new TreeMap<>(Map.of("en", bundle("en"), "fr", bundle("fr")));
        ModuleInfo info = new MusicModule().info();
        assertEquals(List.of(), MessageBundles.checkComplete(info, bundles));
        assertEquals(bundles.get("en").keySet(), bundles.get("fr").keySet(), "French translates every English text");
        assertEquals("Salon d'écoute", bundles.get("fr").get(MessageBundles.roomKindName(ListeningRoom.ID)));
    }
}
