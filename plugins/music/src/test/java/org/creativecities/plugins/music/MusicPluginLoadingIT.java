package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginApi;
import org.creativecities.plugin.api.RoomKindDescriptor;
import org.creativecities.plugin.api.WorkKindDescriptor;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestModuleContext;
import org.creativecities.plugin.testkit.TestRoom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Loads the packaged music plugin jar (built by this module's {@code package} phase) through a real PF4J
 * {@link JarPluginManager}, as the server does, and runs the loaded module in the plugin test kit's host.
 */
class MusicPluginLoadingIT {

    @TempDir
    Path plugins;

    private Path jar() throws Exception {
        Path jar = Path.of(System.getProperty("music.plugin.jar", "target/ccc-plugin-music-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(jar), "run after `package`: " + jar);
        return Files.copy(jar, plugins.resolve("music.jar"));
    }

    @Test
    void theBuiltJarLoadsAndItsModuleQueuesAndAdvancesAcrossThePluginClassLoader() throws Exception {
        jar();
        PluginManager manager = new JarPluginManager(plugins);
        manager.setSystemVersion(PluginApi.VERSION);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertEquals(PluginState.STARTED, manager.getPlugin("music").getPluginState());
            List<CommonsModule> modules = manager.getExtensions(CommonsModule.class, "music");
            assertEquals(1, modules.size());
            CommonsModule module = modules.get(0);
            assertNotEquals(MusicModule.class.getClassLoader(), module.getClass().getClassLoader(),
                    "the module comes from the jar's own class loader");

            ModuleInfo info = module.info();
            assertEquals(List.of(ListeningRoom.ID), info.roomKinds().stream().map(RoomKindDescriptor::id).toList());
            assertEquals(List.of("playlist"), info.workKinds().stream().map(WorkKindDescriptor::id).toList());
            assertEquals(Set.of(Permission.STORAGE, Permission.MEMBERS_READ, Permission.HTTP_ROUTES, Permission.FILES,
                    Permission.ROOMS_WRITE), info.permissions());
            assertTrue(info.setting(MusicModule.ALLOWED_HOSTS).orElseThrow().cityCoordinatorsMayChange());
            assertTrue(module.getClass().getClassLoader().getResource("schemas/playlist.json") != null);

            TestHost host = TestHost.start(module, new TestModuleContext("music", "1.0.0", info));
            Actor creator = new Actor(1, "Host", true, false, false);
            TestRoom room = host.openRoom(ListeningRoom.ID, "bristol", creator, JsonObject.EMPTY_JSON_OBJECT);
            room.accept(creator, new RoomAction("add", Json.createObjectBuilder().add("title", "One")
                    .add("url", "https://archive.org/one.mp3").add("durationMs", 2_000).build()));
            room.accept(creator, new RoomAction("add", Json.createObjectBuilder().add("title", "Two")
                    .add("url", "https://archive.org/two.mp3").add("durationMs", 2_000).build()));
            host.advance(Duration.ofSeconds(3));
            assertEquals("Two", room.join().getJsonObject("nowPlaying").getString("title"));
            host.stop();
            assertEquals(List.of(), module.roomKinds(), "nothing is contributed after stop");
        } finally {
            manager.stopPlugin("music");
            manager.unloadPlugin("music");
        }
    }

    @Test
    void anApiBefore13RefusesThePlugin() throws Exception {
        jar();
        PluginManager manager = new JarPluginManager(plugins);
        manager.setSystemVersion("1.2.0");
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertNotEquals(PluginState.STARTED, manager.getPlugin("music").getPluginState(),
                    "the music plugin needs API >= 1.3.0");
        } finally {
            manager.unloadPlugins();
        }
    }
}
