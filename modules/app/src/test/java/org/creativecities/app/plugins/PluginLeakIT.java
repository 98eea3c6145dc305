package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Installing and uninstalling a plugin 50 times, each time serving a request (routes, JSON and UI assets),
 * must not keep adding classes: the plugin's class loader is released. Measured with the host diagnostics
 * after explicit garbage collections.
 */
@ExtendWith(SharedServer.class)
class PluginLeakIT {

    private static final int WARM_UP = 10;
    private static final int MEASURED = 40;

    private static void cycle(PluginAdmin admin, Api api, byte[] jar) {
        admin.install(jar);
        api.get("/api/plugins/it-leak-probe/hello").expect(200);
        api.request("PUT", "/api/plugins/it-leak-probe/kv/k").header("Content-Type", "text/plain").body("v").send()
                .expect(200);
        api.get("/plugins/it-leak-probe/ui/good.js").expect(200);
        admin.delete("/api/admin/plugins/it-leak-probe?purge=true").expect(204);
    }

    @Test
    void installingAndUninstallingFiftyTimesDoesNotGrowTheClassCount(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        byte[] jar = PluginJars.good("it-leak-probe");
        for (int i = 0; i < WARM_UP; i++) {
            cycle(admin, api, jar);
        }
        JsonObject before = admin.get("/api/admin/plugin-host?gc=true").expect(200).object();
        for (int i = 0; i < MEASURED; i++) {
            cycle(admin, api, jar);
        }
        JsonObject after = admin.get("/api/admin/plugin-host?gc=true").expect(200).object();
        int classesBefore = before.getInt("loadedClasses");
        int classesAfter = after.getInt("loadedClasses");
        System.out.printf("[plugin leak] loaded classes %d -> %d after %d more cycles; plugin class loaders alive "
                        + "%d -> %d; heap %d -> %d bytes; unloaded classes %d -> %d%n", classesBefore, classesAfter,
                MEASURED, before.getInt("pluginClassLoadersAlive"), after.getInt("pluginClassLoadersAlive"),
                before.getJsonNumber("heapUsedBytes").longValue(), after.getJsonNumber("heapUsedBytes").longValue(),
                before.getJsonNumber("unloadedClasses").longValue(), after.getJsonNumber("unloadedClasses").longValue());
        // A leaked plugin keeps ~15 classes (module, records, lambdas): 40 leaks would add 600 or more.
        assertTrue(classesAfter - classesBefore < 150, "class count grew from " + classesBefore + " to "
                + classesAfter + " over " + MEASURED + " install/uninstall cycles");
        assertTrue(after.getInt("pluginClassLoadersAlive") <= before.getInt("pluginClassLoadersAlive") + 3,
                "plugin class loaders still alive: " + after.getInt("pluginClassLoadersAlive"));
        assertTrue(after.getInt("liveThreads") <= before.getInt("liveThreads") + 5,
                "threads grew from " + before.getInt("liveThreads") + " to " + after.getInt("liveThreads")
                        + ": uninstalled plugins must leave no threads behind");
        assertEquals(0, admin.get("/api/admin/plugins").expect(200).object().getJsonArray("plugins").stream()
                .filter(p -> p.asJsonObject().getString("id").equals("it-leak-probe")).count());
    }
}
