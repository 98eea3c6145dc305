package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginApi;
import org.creativecities.plugin.api.RoomKindDescriptor;
import org.creativecities.plugin.api.SettingsValidation;
import org.creativecities.plugin.api.room.RoomKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Loads the packaged film plugin jar (built by this module's {@code package} phase) through a real PF4J
 * {@link JarPluginManager}, as the server does.
 */
class FilmPluginLoadingIT {

    @TempDir
    Path plugins;

    @Test
    void theBuiltJarLoadsAndOffersTheWatchPartyRoomKind() throws Exception {
        Path jar = Path.of(System.getProperty("film.plugin.jar", "target/ccc-plugin-film-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(jar), "run after `package`: " + jar);
        Files.copy(jar, plugins.resolve("film.jar"));

        PluginManager manager = new JarPluginManager(plugins);
        manager.setSystemVersion(PluginApi.VERSION);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertEquals(PluginState.STARTED, manager.getPlugin("film").getPluginState());
            assertEquals("1.0.0", manager.getPlugin("film").getDescriptor().getVersion());

            List<CommonsModule> modules = manager.getExtensions(CommonsModule.class, "film");
            assertEquals(1, modules.size());
            CommonsModule module = modules.get(0);
            assertNotEquals(FilmModule.class.getClassLoader(), module.getClass().getClassLoader(),
                    "the module comes from the jar's own class loader");

            ModuleInfo info = module.info();
            assertEquals(List.of("watch-party"), info.roomKinds().stream().map(RoomKindDescriptor::id).toList());
            assertEquals(java.util.Set.of(Permission.STORAGE, Permission.MEMBERS_READ, Permission.HTTP_ROUTES),
                    info.permissions());
            assertEquals(List.of(), SettingsValidation.checkSchema(info.settings()));
            assertEquals("2000", info.setting("max-drift-ms").orElseThrow().defaultValue());
            assertEquals("false", info.setting("members-may-suggest").orElseThrow().defaultValue());
            var maxDrift = info.setting("max-drift-ms").orElseThrow();
            assertFalse(SettingsValidation.check(maxDrift, 99L).valid());
            assertFalse(SettingsValidation.check(maxDrift, 60_001L).valid());
            assertTrue(SettingsValidation.check(maxDrift, 100L).valid());
            assertEquals(List.of(), RoomKinds.check(info, List.of(new WatchParty(null, null, c -> null))));
        } finally {
            assertEquals(PluginState.STOPPED, manager.stopPlugin("film"));
            assertTrue(manager.unloadPlugin("film"));
        }
    }

    @Test
    void anOlderApiRefusesThePlugin() throws Exception {
        Path jar = Path.of(System.getProperty("film.plugin.jar", "target/ccc-plugin-film-0.1.0-SNAPSHOT.jar"));
        Files.copy(jar, plugins.resolve("film.jar"));
        PluginManager manager = new JarPluginManager(plugins);
        manager.setSystemVersion("1.0.0");
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertNotEquals(PluginState.STARTED, manager.getPlugin("film").getPluginState(),
                    "the film plugin needs API >= 1.1.0");
        } finally {
            manager.unloadPlugins();
        }
    }
}
