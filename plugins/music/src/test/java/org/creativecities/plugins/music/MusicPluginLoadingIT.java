package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.RoomKindDescriptor;
import org.creativecities.plugin.api.WorkKindDescriptor;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.testkit.PluginJarCheck;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestModuleContext;
import org.creativecities.plugin.testkit.TestRoom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged music plugin jar (built by this module's {@code package} phase) through a real PF4J
 * {@code JarPluginManager} ({@link PluginJarCheck}), as the server does, and runs the loaded module in the plugin test kit's host.
 */
class MusicPluginLoadingIT {

    @TempDir
    Path plugins;

    private static Path jar() {
        return PluginJarCheck.built("music", "target/ccc-plugin-music-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void theBuiltJarLoadsAndItsModuleQueuesAndAdvancesAcrossThePluginClassLoader() {
        try (PluginJarCheck loaded = PluginJarCheck.start(jar(), plugins)) {
            assertEquals("music", loaded.pluginId());
            CommonsModule module = loaded.module();
            ModuleInfo info = module.info();
            assertEquals(List.of(ListeningRoom.ID), info.roomKinds().stream().map(RoomKindDescriptor::id).toList());
            assertEquals(List.of("playlist"), info.workKinds().stream().map(WorkKindDescriptor::id).toList());
            assertEquals(Set.of(Permission.STORAGE, Permission.MEMBERS_READ, Permission.HTTP_ROUTES, Permission.FILES,
                    Permission.ROOMS_WRITE), info.permissions());
            assertTrue(info.setting(MusicModule.ALLOWED_HOSTS).orElseThrow().cityCoordinatorsMayChange());
            loaded.hasFiles("schemas/playlist.json");

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
        }
    }

    @Test
    void anApiBefore13RefusesThePlugin() {
        PluginJarCheck.assertRefusedBy("1.2.0", jar(), plugins);
    }
}
