package org.creativecities.testplugins.translated;

import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.SettingDefinition;
import org.pf4j.Extension;

/**
 * A plugin of API 1.3 that is all texts and settings: English and French bundles (French lacks one label, so it
 * falls back to English), two settings city coordinators may change for their city and two only administrators
 * may change.
 */
@Extension
public class TranslatedModule implements CommonsModule {

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Translated test plugin")
                .description("Declared description, shown only when no bundle has one.")
                .fields("gastronomy")
                .roomKind("translated-table", "Declared room kind name", "Declared room kind description.")
                .setting(SettingDefinition.integer("round-seconds", 60, "Declared help of round-seconds.")
                        .withRange(10, 600).changeableByCityCoordinators())
                .setting(SettingDefinition.bool("publicResults", false, "Declared help of publicResults.")
                        .changeableByCityCoordinators())
                .setting(SettingDefinition.integer("max-tables", 5, "Declared help of max-tables.").withRange(1, 50))
                .setting(SettingDefinition.string("api-token", null, "Declared help of api-token.").asSecret())
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        ctx.logger().info("translated test plugin started");
    }

    @Override
    public void stop() {
        // Nothing to release.
    }
}
