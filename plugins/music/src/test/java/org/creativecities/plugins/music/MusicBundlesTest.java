package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.testkit.TestBundles;
import org.junit.jupiter.api.Test;

/** The music plugin's message bundles name everything it declares, in English and French, as API 1.3 asks. */
class MusicBundlesTest {

    @Test
    void englishAndFrenchNameTheModuleItsSettingsItsRoomKindAndItsWorkKind() {
        TestBundles bundles = TestBundles.load(MusicModule.class, "en", "fr");
        ModuleInfo info = new MusicModule().info();
        assertEquals(List.of(), bundles.problems(info));
        assertEquals("Salon d'écoute", bundles.text("fr", MessageBundles.roomKindName(ListeningRoom.ID)));
    }
}
