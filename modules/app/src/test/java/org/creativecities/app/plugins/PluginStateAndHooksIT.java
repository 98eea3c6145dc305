package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServer;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a server of the own-server lane ({@link OwnServer#COMBINED}, shared with other classes): join hooks veto (and a throwing one does not block joining), and every plugin's state,
 * placement and settings survive a restart.
 */
@OwnServerLane
class PluginStateAndHooksIT {

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = OwnServer.COMBINED.get();
    }

    private static Api.Response join(String name, String city) {
        return TestUser.register(server.api(), name).post("/api/cities/" + city + "/members", null);
    }

    @Test
    void joinHooksVetoAndPluginStateSurvivesARestart() {
        PluginAdmin admin = PluginAdmin.of(server);
        admin.install(PluginJars.built("good"));
        admin.install(PluginJars.built("hook-throws"));

        JsonObject refused = join("Blocked Person", "dublin").expect(403).object();
        assertTrue(refused.getString("detail").contains("test-good"), refused.toString());
        assertTrue(refused.getString("detail").contains("names starting with 'Blocked'"), refused.toString());
        assertEquals(201, join("Welcome Person", "dublin").status(),
                "a throwing join hook is contained by the supervisor and does not block joining");

        admin.put("/api/admin/plugins/test-good/cities", Json.createObjectBuilder().add("networkWide", false)
                .add("cities", Json.createArrayBuilder().add("lyon")).build()).expect(200);
        admin.put("/api/admin/plugins/test-good/settings", Api.json("values", Api.json("greeting", "Bonjour")))
                .expect(200);
        assertEquals(201, join("Blocked But Elsewhere", "dublin").status(),
                "hooks of a plugin apply only where it is enabled");
        admin.post("/api/admin/plugins/test-hook-throws/disable").expect(200);

        String log = server.logText();
        assertTrue(log.lines().anyMatch(l -> l.contains("ccc.plugin.test-good") && l.contains("good plugin started")),
                "a plugin's own log lines carry its id");
        assertTrue(java.util.regex.Pattern.compile("\\[ccc\\.plugin\\.test-hook-throws\\][^\\n]*\\n\\s*join hook threw")
                .matcher(log).find(), "failures are logged under the failing plugin's id");

        server.restart();

        JsonObject good = admin.plugin("test-good");
        assertEquals("STARTED", good.getString("state"));
        JsonObject placement = admin.get("/api/admin/plugins/test-good/cities").expect(200).object();
        assertFalse(placement.getBoolean("networkWide"));
        assertEquals("lyon", placement.getJsonArray("cities").getString(0));
        assertTrue(admin.get("/api/admin/plugins/test-good/settings").expect(200).body().contains("Bonjour"));
        assertEquals("DISABLED", admin.plugin("test-hook-throws").getString("state"), "a disabled plugin stays off");
        server.api().get("/api/plugins/test-good/cities/lyon/hello").expect(200);
        server.api().get("/api/plugins/test-good/cities/dublin/hello").expect(404);
        server.api().get("/api/plugins/test-hook-throws/ping").expect(404);
    }
}
