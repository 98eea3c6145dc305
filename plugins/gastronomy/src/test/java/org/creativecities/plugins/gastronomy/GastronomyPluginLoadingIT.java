package org.creativecities.plugins.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginApi;
import org.creativecities.plugin.api.RoomKindDescriptor;
import org.creativecities.plugin.api.WorkKindDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Loads the packaged gastronomy plugin jar (built by this module's {@code package} phase) through a real PF4J
 * {@link JarPluginManager}, as the server does: its module comes from the jar's own class loader, declares the tasting
 * room kind and the recipe work kind, and the jar carries every file they name.
 */
class GastronomyPluginLoadingIT {

    @TempDir
    Path plugins;

    @Test
    void theBuiltJarLoadsWithItsRoomKindWorkKindAndTheirFiles() throws Exception {
        Path jar = Path.of(System.getProperty("gastronomy.plugin.jar",
                "target/ccc-plugin-gastronomy-1.0.0.jar"));
        assertTrue(Files.isRegularFile(jar), "run after `package`: " + jar);
        Files.copy(jar, plugins.resolve("gastronomy.jar"));

        PluginManager manager = new JarPluginManager(plugins);
        manager.setSystemVersion(PluginApi.VERSION);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertEquals(PluginState.STARTED, manager.getPlugin("gastronomy").getPluginState());
            List<CommonsModule> modules = manager.getExtensions(CommonsModule.class, "gastronomy");
            assertEquals(1, modules.size());
            CommonsModule module = modules.get(0);
            assertNotEquals(GastronomyModule.class.getClassLoader(), module.getClass().getClassLoader());

            ModuleInfo info = module.info();
            assertEquals(List.of("tasting"), info.roomKinds().stream().map(RoomKindDescriptor::id).toList());
            assertEquals(List.of("recipe"), info.workKinds().stream().map(WorkKindDescriptor::id).toList());
            assertEquals(Set.of(Permission.STORAGE, Permission.ROOMS_WRITE, Permission.HTTP_ROUTES), info.permissions());
            ClassLoader loader = module.getClass().getClassLoader();
            for (String file : List.of("ui/tasting.js", "ui/recipe.js", "ui/common.js", "ui/gastronomy.css",
                    "ui/i18n/en.json", "ui/i18n/fr.json", "schemas/recipe.json", "i18n/messages_en.properties",
                    "i18n/messages_fr.properties")) {
                assertNotNull(loader.getResource(file), file + " is in the jar");
            }
        } finally {
            assertEquals(PluginState.STOPPED, manager.stopPlugin("gastronomy"));
            assertTrue(manager.unloadPlugin("gastronomy"));
        }
    }
}
