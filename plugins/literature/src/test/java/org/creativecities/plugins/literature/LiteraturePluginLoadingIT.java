package org.creativecities.plugins.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.RoomKindDescriptor;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.testkit.PluginJarCheck;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestModuleContext;
import org.creativecities.plugin.testkit.TestRoom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged literature plugin jar (built by this module's {@code package} phase) through a real PF4J
 * {@code JarPluginManager} ({@link PluginJarCheck}), as the server does: its module comes from the jar's own class loader, declares both room
 * kinds, carries every file they name, and runs in the plugin test kit's host across that class loader; an API older
 * than 1.3 refuses it.
 */
class LiteraturePluginLoadingIT {

    @TempDir
    Path plugins;

    private static Path jar() {
        return PluginJarCheck.built("literature", "target/ccc-plugin-literature-1.0.0.jar");
    }

    @Test
    void theBuiltJarLoadsWithBothRoomKindsTheirFilesAndItsCircleRunsAcrossThePluginClassLoader() {
        try (PluginJarCheck loaded = PluginJarCheck.start(jar(), plugins)) {
            assertEquals("literature", loaded.pluginId());
            CommonsModule module = loaded.module();
            ModuleInfo info = module.info();
            assertEquals(List.of(ReadingCircle.ID, RoundRobin.ID),
                    info.roomKinds().stream().map(RoomKindDescriptor::id).toList());
            assertEquals(Set.of(Permission.STORAGE, Permission.HTTP_ROUTES, Permission.ROOMS_WRITE,
                    Permission.WORKS_WRITE), info.permissions());
            assertTrue(info.setting(LiteratureModule.TURN_SECONDS).orElseThrow().cityCoordinatorsMayChange());
            loaded.hasFiles("ui/reading-circle.js", "ui/round-robin.js", "ui/common.js", "ui/literature.css",
                    "ui/i18n/en.json", "ui/i18n/fr.json", "i18n/messages_en.properties",
                    "i18n/messages_fr.properties");

            TestHost host = TestHost.start(module, new TestModuleContext("literature", "1.0.0", info));
            Actor ana = new Actor(1, "Ana", true, false, false);
            TestRoom circle = host.openRoom(ReadingCircle.ID, "lyon", ana, Json.createObjectBuilder()
                    .add("book", "Dune").add("chapters", Json.createArrayBuilder().add("One").add("Two")).build());
            circle.accept(ana, new RoomAction("reach", Json.createObjectBuilder().add("chapter", 2).build()));
            assertTrue(circle.join().toString().contains("Dune"), circle.join().toString());
            host.stop();
            assertEquals(List.of(), module.roomKinds(), "nothing is contributed after stop");
        }
    }

    @Test
    void anApiBefore13RefusesThePlugin() {
        PluginJarCheck.assertRefusedBy("1.2.0", jar(), plugins);
    }
}
