package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.testkit.TestBundles;
import org.junit.jupiter.api.Test;

/** The film plugin's message bundles name everything it declares, in English and French, as API 1.3 asks. */
class FilmBundlesTest {

    @Test
    void englishAndFrenchNameTheModuleItsSettingsAndItsRoomKind() {
        TestBundles bundles = TestBundles.load(FilmModule.class, "en", "fr");
        ModuleInfo info = new FilmModule().info();
        assertEquals(List.of(), bundles.problems(info));
        assertEquals("Séance partagée", bundles.text("fr", MessageBundles.roomKindName(WatchParty.ID)));
    }
}
