package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestModuleContext;
import org.creativecities.plugin.testkit.TestRequest;
import org.creativecities.plugin.testkit.TestResponse;
import org.creativecities.plugin.testkit.TestRoom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole film module in the plugin test kit's in-memory host, started as the core starts it (its declared room
 * kind, settings schema and UI modules are checked): from a screening created over REST to a watch party whose
 * position follows the clock, without a server.
 */
class FilmModuleKitTest {

    private static final Actor HOST = new Actor(10, "Coco", true, true, false);

    private TestHost host;

    @BeforeEach
    void start() {
        TestModuleContext context = new TestModuleContext("film", "1.0.0", new FilmModule().info(),
                Instant.parse("2026-11-23T20:00:00Z"));
        context.testMembers().coordinator(10, "bristol").member(11, "bristol");
        host = TestHost.start(new FilmModule(), context);
    }

    private static String screening(String title) {
        return Json.createObjectBuilder().add("title", title).add("year", 1962)
                .add("startsAt", "2026-12-01T19:30:00Z").add("runtimeMinutes", 90).build().toString();
    }

    @Test
    void aScreeningCreatedOverRestBecomesAWatchPartyThatFollowsTheClock() {
        TestResponse created = host.http(TestRequest.post("/screenings").city("bristol").as(10, "Coco")
                .json(screening("Cléo from 5 to 7")));
        assertEquals(201, created.status(), created.text());
        String id = created.object().getString("id");

        JsonObject party = host.http(TestRequest.post("/screenings/" + id + "/watch-party").city("bristol")
                .as(10, "Coco")).object();
        assertEquals("watch-party", party.getString("kind"));
        TestRoom room = host.openRoom("watch-party", "bristol", HOST, party.getJsonObject("attributes"));

        room.accept(HOST, RoomAction.of("play"));
        host.advance(Duration.ofSeconds(42));
        assertEquals(42_000, room.join().getInt("positionMs"));
        assertEquals("not-host", room.refuse(new Actor(11, "Mo", false, false, false), RoomAction.of("pause"))
                .code());
    }

    @Test
    void suggestionsFollowTheCitysSettingAsAnAdministratorSetsIt() {
        TestRequest suggestion = TestRequest.post("/suggestions").city("bristol").as(11, "Mo").json(screening("Mo"));
        assertEquals(403, host.http(suggestion).status());
        host.context().testSettings().setForCity("bristol", FilmModule.MEMBERS_MAY_SUGGEST, true);
        assertEquals(201, host.http(TestRequest.post("/suggestions").city("bristol").as(11, "Mo")
                .json(screening("Mo"))).status());
        assertThrows(IllegalArgumentException.class,
                () -> host.context().testSettings().set(FilmModule.MAX_DRIFT_MS, 50), "below the schema's range");
    }

    @Test
    void theModuleUsesOnlyWhatItDeclares() {
        assertThrows(PluginPermissionException.class, () -> host.context().files());
        assertThrows(PluginPermissionException.class, () -> host.context().cities());
    }
}
