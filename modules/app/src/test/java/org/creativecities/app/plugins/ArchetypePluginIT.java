package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin a newcomer gets from {@code mvn archetype:generate} installs into a running server: the jar that the
 * archetype's own integration test generated and built, outside this build's reactor, against the plugin parent
 * POM and the test kit (modules/plugin-archetype, project {@code basic}: plugin {@code hello} 1.0.0). Uploaded
 * through the admin API, it starts, its route answers its setting, its poll room kind is offered in a city's space,
 * a room of it opens, two members' WebSocket clients vote and are refused by its state machine (already voted, not a
 * moderator) until its creator closes the poll, and its UI module and catalogues are served.
 */
@ExtendWith(SharedServer.class)
class ArchetypePluginIT {

    private static final String ID = "hello";

    /** The generated project's jar (finalName {@code <artifactId>-<plugin.version>} from the plugin parent). */
    private static byte[] generatedJar() {
        Path project = Path.of(System.getProperty("ccc.archetype.project.dir",
                "../plugin-archetype/target/test-classes/projects/basic/project/hello-plugin"));
        Path jar = project.resolve("target").resolve("hello-plugin-1.0.0.jar");
        try {
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Build modules/plugin-archetype first (its integration test generates "
                    + "and builds the project): " + jar.toAbsolutePath(), e);
        }
    }

    private static long citySpace(TestUser someone, String city) {
        return someone.get("/api/spaces?city=" + city).expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("slug").equals("city-" + city)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static JsonObject action(long room, String action, JsonObject payload, String id) {
        return Api.json("type", "action", "room", room, "action", action, "payload", payload, "id", id);
    }

    private static boolean isState(JsonObject frame, long room) {
        return frame.getString("type").equals("plugin.state") && frame.getJsonNumber("room").longValue() == room;
    }

    /** The generated poll's state machine, driven by two members' WebSocket clients through the live-room engine. */
    private static void votesReachEveryoneAndTheStateMachineRefusesOverWebSocket(TestUser creator, TestUser voter,
                                                                                 long room) {
        try (LiveClient c = LiveClient.open(creator); LiveClient v = LiveClient.open(voter)) {
            JsonObject welcome = c.send(Rooms.join(room, null, "jc")).reply("jc").getJsonObject("roomState");
            assertTrue(welcome.getBoolean("open"));
            assertEquals(0, welcome.getInt("yes"));
            v.send(Rooms.join(room, null, "jv")).reply("jv");

            v.send(action(room, "vote", Api.json("choice", "yes"), "v1"));
            assertEquals(1, c.await(f -> isState(f, room)).getJsonObject("state").getInt("yes"));
            v.send(action(room, "vote", Api.json("choice", "no"), "v2"));
            assertEquals("already-voted", v.reply("v2").getString("code"));
            v.send(action(room, "close", Api.json(), "v3"));
            assertEquals("not-moderator", v.reply("v3").getString("code"));

            c.send(action(room, "close", Api.json(), "c1"));
            assertFalse(v.await(f -> isState(f, room) && !f.getJsonObject("state").getBoolean("open"))
                    .getJsonObject("state").getBoolean("open"));
        }
    }

    @Test
    void theGeneratedPluginInstallsAndItsRouteRoomKindAndUiWork(PackagedServer server, Api api) {
        PluginAdmin admin = PluginAdmin.of(server);
        admin.remove(ID);
        try {
            JsonObject installed = admin.install(generatedJar());
            assertEquals(ID, installed.getString("id"));
            assertEquals("1.0.0", installed.getString("version"), "the project's own version, not the platform's");
            assertEquals("STARTED", installed.getString("state"));

            JsonObject hello = api.get("/api/plugins/" + ID + "/hello").expect(200).object();
            assertEquals("Hello", hello.getString("greeting"));
            admin.put("/api/admin/plugins/" + ID + "/settings", Api.json("values", Api.json("greeting", "Bonjour")))
                    .expect(200);
            assertEquals("Bonjour", api.get("/api/plugins/" + ID + "/cities/gdynia/hello").expect(200).object()
                    .getString("greeting"));

            TestUser cityAdmin = TestUser.admin(server);
            TestUser creator = TestUser.register(api, "Poll Creator");
            TestUser voter = TestUser.register(api, "Poll Voter");
            Rooms.members(cityAdmin, "gdynia", creator, voter);
            cityAdmin.put("/api/cities/gdynia/members/" + creator.id() + "/role", Api.json("role", "COORDINATOR"))
                    .expect(200);
            long space = citySpace(creator, "gdynia");
            JsonObject kind = api.get("/api/spaces/" + space + "/room-kinds").expect(200).array().stream()
                    .map(JsonValue::asJsonObject).filter(k -> k.getString("id").equals("poll")).findFirst()
                    .orElseThrow(() -> new AssertionError("the poll room kind is not offered"));
            assertEquals(ID, kind.getString("pluginId"));
            assertEquals("ccc-hello-poll", kind.getJsonObject("ui").getString("element"));

            long room = creator.post("/api/spaces/" + space + "/rooms", Api.json("name", "Archetype poll", "kind",
                    "poll")).expect(201).object().getJsonNumber("id").longValue();
            assertEquals("/plugins/hello/ui/poll.js",
                    api.get("/api/rooms/" + room).expect(200).object().getJsonObject("ui").getString("module"));
            votesReachEveryoneAndTheStateMachineRefusesOverWebSocket(creator, voter, room);

            String module = api.get("/plugins/hello/ui/poll.js").expect(200).body();
            assertTrue(module.contains("customElements.define"), module);
            assertEquals("Sondage", api.get("/plugins/hello/ui/i18n/fr.json").expect(200).object()
                    .getJsonObject("poll").getString("label"));
            creator.patch("/api/rooms/" + room, Api.json("archived", true)).expect(200);
        } finally {
            admin.remove(ID);
        }
        assertFalse(api.get("/api/plugins/" + ID + "/hello").status() == 200, "gone once uninstalled");
    }
}
