package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestRequest;
import org.creativecities.plugin.testkit.TestRoom;
import org.junit.jupiter.api.Test;

/**
 * The whole plugin in the test kit's in-memory host, started as the core starts it (its room kind, settings and
 * UI module are checked), without a server.
 */
class PollPluginTest {

    private static final Actor CREATOR = new Actor(1, "Ada", true, false, false);
    private static final Actor MEMBER = new Actor(2, "Bo", false, false, false);

    @Test
    void theGreetingRouteAnswersTheSettingGloballyAndPerCity() {
        TestHost host = TestHost.start(new PollPlugin(), PollPlugin.ID, "1.0.0");
        assertEquals("Hello", host.http(TestRequest.get("/hello")).object().getString("greeting"));

        host.context().testSettings().setForCity("lyon", GreetingRoutes.GREETING, "Bonjour");
        assertEquals("Bonjour", host.http(TestRequest.get("/hello").city("lyon")).object().getString("greeting"));
        assertEquals("Hello", host.http(TestRequest.get("/hello").city("bristol")).object().getString("greeting"));
        assertEquals(404, host.http(TestRequest.get("/nothing")).status());
    }

    @Test
    void aPollRoomCountsVotesUntilItsCreatorClosesIt() {
        TestHost host = TestHost.start(new PollPlugin(), PollPlugin.ID, "1.0.0");
        TestRoom room = host.openRoom(PollRoom.ID, "lyon", CREATOR, JsonObject.EMPTY_JSON_OBJECT);

        room.accept(MEMBER, vote("yes"));
        assertEquals("already-voted", room.refuse(MEMBER, vote("no")).code());
        assertEquals("not-moderator", room.refuse(MEMBER, RoomAction.of("close")).code());
        room.accept(CREATOR, RoomAction.of("close"));
        assertEquals("poll-closed", room.refuse(CREATOR, vote("no")).code());

        JsonObject seen = room.join();
        assertEquals(1, seen.getInt("yes"));
        assertFalse(seen.getBoolean("open"));
    }

    @Test
    void aPollSurvivesARestartOfThePlugin() {
        TestHost host = TestHost.start(new PollPlugin(), PollPlugin.ID, "1.0.0");
        TestRoom room = host.openRoom(PollRoom.ID, "lyon", CREATOR, JsonObject.EMPTY_JSON_OBJECT);
        room.accept(MEMBER, vote("no"));

        TestHost restarted = host.restart(new PollPlugin());
        TestRoom same = restarted.resume(room);
        assertEquals(1, same.join().getInt("no"));
        assertEquals("already-voted", same.refuse(MEMBER, vote("yes")).code());
        TestRoom another = restarted.openRoom(PollRoom.ID, "lyon", CREATOR, JsonObject.EMPTY_JSON_OBJECT);
        assertEquals(0, another.join().getInt("no"), "another room starts fresh");
    }

    private static RoomAction vote(String choice) {
        return new RoomAction("vote", Json.createObjectBuilder().add("choice", choice).build());
    }
}
