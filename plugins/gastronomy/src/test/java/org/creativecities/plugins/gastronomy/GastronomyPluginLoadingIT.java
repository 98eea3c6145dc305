package org.creativecities.plugins.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.RoomKindDescriptor;
import org.creativecities.plugin.api.WorkKindDescriptor;
import org.creativecities.plugin.testkit.PluginJarCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged gastronomy plugin jar (built by this module's {@code package} phase) through a real PF4J
 * {@code JarPluginManager} ({@link PluginJarCheck}), as the server does: its module comes from the jar's own class loader, declares the tasting
 * room kind and the recipe work kind, and the jar carries every file they name.
 */
class GastronomyPluginLoadingIT {

    @TempDir
    Path plugins;

    @Test
    void theBuiltJarLoadsWithItsRoomKindWorkKindAndTheirFiles() {
        Path jar = PluginJarCheck.built("gastronomy", "target/ccc-plugin-gastronomy-1.0.0.jar");
        try (PluginJarCheck loaded = PluginJarCheck.start(jar, plugins)) {
            assertEquals("gastronomy", loaded.pluginId());
            ModuleInfo info = loaded.module().info();
            assertEquals(List.of("tasting"), info.roomKinds().stream().map(RoomKindDescriptor::id).toList());
            assertEquals(List.of("recipe"), info.workKinds().stream().map(WorkKindDescriptor::id).toList());
            assertEquals(Set.of(Permission.STORAGE, Permission.ROOMS_WRITE, Permission.HTTP_ROUTES), info.permissions());
            loaded.hasFiles("ui/tasting.js", "ui/recipe.js", "ui/common.js", "ui/gastronomy.css", "ui/i18n/en.json",
                    "ui/i18n/fr.json", "schemas/recipe.json", "i18n/messages_en.properties",
                    "i18n/messages_fr.properties");
        }
    }
}
