package org.creativecities.plugins.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.SettingsValidation;
import org.creativecities.plugin.testkit.TestBundles;
import org.junit.jupiter.api.Test;

/** The message bundles name everything the plugin declares, in English and French; the settings schema holds. */
class GastronomyBundlesTest {

    @Test
    void englishAndFrenchNameTheModuleItsSettingsAndItsKinds() {
        TestBundles bundles = TestBundles.load(GastronomyModule.class, "en", "fr");
        ModuleInfo info = new GastronomyModule().info();
        assertEquals(List.of(), bundles.problems(info));
        assertEquals("Dégustation", bundles.text("fr", MessageBundles.roomKindName(TastingRoom.ID)));
        assertEquals(List.of(), SettingsValidation.checkSchema(info.settings()));
    }
}
