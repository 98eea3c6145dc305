package org.creativecities.plugins.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.testkit.TestBundles;
import org.junit.jupiter.api.Test;

/** The literature plugin's message bundles name everything it declares, in English and French, as API 1.3 asks. */
class LiteratureBundlesTest {

    @Test
    void englishAndFrenchNameTheModuleItsSettingsAndItsRoomKinds() {
        TestBundles bundles = TestBundles.load(LiteratureModule.class, "en", "fr");
        ModuleInfo info = new LiteratureModule().info();
        assertEquals(List.of(), bundles.problems(info));
        assertEquals("Cercle de lecture", bundles.text("fr", MessageBundles.roomKindName(ReadingCircle.ID)));
    }
}
