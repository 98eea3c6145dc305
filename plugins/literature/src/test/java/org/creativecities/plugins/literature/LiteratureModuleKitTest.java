package org.creativecities.plugins.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.work.PluginWork;
import org.creativecities.plugin.testkit.InMemoryWorks;
import org.creativecities.plugin.testkit.TestHost;
import org.creativecities.plugin.testkit.TestRequest;
import org.creativecities.plugin.testkit.TestRoom;
import org.creativecities.plugin.testkit.VirtualTimers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole plugin in the test kit: both room kinds driven by several people, the timers, a restart. */
class LiteratureModuleKitTest {

    private static final Actor HOST = new Actor(10, "Ana", true, false, false);
    private static final Actor BEA = new Actor(11, "Bea", false, false, false);
    private static final Actor CAL = new Actor(12, "Cal", false, false, false);

    private TestHost host;
    private RecordingRooms rooms;

    @BeforeEach
    void start() {
        host = TestHost.start(new LiteratureModule(), "literature", "1.0.0");
        attach();
    }

    private void attach() {
        rooms = new RecordingRooms();
        host.roomKind(ReadingCircle.ID).attached(rooms);
        host.roomKind(RoundRobin.ID).attached(rooms);
    }

    private static RoomAction action(String type, JsonObject payload) {
        return new RoomAction(type, payload);
    }

    private static RoomAction chapter(String type, int n) {
        return action(type, Json.createObjectBuilder().add("chapter", n).build());
    }

    private static RoomAction post(int n, String text) {
        return action("post", Json.createObjectBuilder().add("chapter", n).add("text", text).build());
    }

    private TestRoom circle() {
        TestRoom room = host.openRoom(ReadingCircle.ID, "lyon", HOST, Json.createObjectBuilder()
                .add("book", "Dune").add("chapters", Json.createArrayBuilder().add("One").add("Two").add("Three"))
                .build());
        room.accept(HOST, chapter("reach", 3));
        room.accept(BEA, chapter("reach", 2));
        return room;
    }

    @Test
    void aMemberBelowAChapterReceivesNothingOfItsThreadAndIsRefusedReadingOrPostingThere() {
        TestRoom room = circle();
        var reply = room.accept(HOST, post(3, "The ending of chapter three!")).replies().get(0);
        assertEquals("thread-post", reply.type());
        assertEquals(List.of(), rooms.to(BEA.accountId()), "Bea, at chapter 2, is sent nothing");
        assertFalse(room.join().toString().contains("ending of chapter three"), "nor is it in anyone's state");
        room.broadcasts().forEach(e -> assertFalse(e.payload().toString().contains("chapter three")));
        assertEquals("chapter-not-reached", room.refuse(BEA, chapter("read-thread", 3)).code());
        assertEquals("chapter-not-reached", room.refuse(BEA, post(3, "spoil me")).code());

        room.accept(HOST, post(2, "Two is good"));
        assertEquals(1, rooms.to(BEA.accountId()).size(), "Bea reached chapter 2: she gets its posts");
        room.accept(BEA, chapter("reach", 3));
        var thread = room.accept(BEA, chapter("read-thread", 3)).replies().get(0).payload();
        assertEquals("The ending of chapter three!", thread.getJsonArray("posts").getJsonObject(0).getString("text"));
    }

    @Test
    void theThreadRouteAppliesTheSameRule() {
        TestRoom room = circle();
        room.accept(HOST, post(3, "secret"));
        String path = "/rooms/" + room.context().roomId() + "/chapters/3/thread";
        assertEquals(403, host.http(TestRequest.get(path).as(BEA.accountId(), "Bea")).status());
        assertEquals(401, host.http(TestRequest.get(path)).status());
        var ok = host.http(TestRequest.get(path).as(HOST.accountId(), "Ana"));
        assertEquals(200, ok.status());
        assertTrue(ok.text().contains("secret"));
    }

    @Test
    void joinersGetTheirOwnProgressPrivately() {
        TestRoom room = circle();
        host.roomKind(ReadingCircle.ID).joined(room.context(), BEA, true);
        var you = rooms.to(BEA.accountId()).get(0).event();
        assertEquals("you", you.type());
        assertEquals(2, you.payload().getInt("reached"));
    }

    private TestRoom story() {
        host.context().testSettings().setForCity("lyon", LiteratureModule.TURN_SECONDS, "60");
        TestRoom room = host.openRoom(RoundRobin.ID, "lyon", HOST, Json.createObjectBuilder()
                .add("title", "Tides").build());
        room.accept(BEA, RoomAction.of("join-rota"));
        room.accept(CAL, RoomAction.of("join-rota"));
        assertEquals("not-host", room.refuse(BEA, RoomAction.of("start")).code());
        room.accept(HOST, RoomAction.of("start"));
        return room;
    }

    private static RoomAction write(String text) {
        return action("write", Json.createObjectBuilder().add("text", text).build());
    }

    @Test
    void onlyTheOneWhoseTurnItIsWritesAndTheStoryGrowsAsAWorkTheyCoAuthor() {
        TestRoom room = story();
        assertEquals("not-your-turn", room.refuse(CAL, write("me first")).code());
        room.accept(BEA, write("Once upon a tide."));
        room.accept(CAL, write("The sea withdrew."));
        JsonObject state = room.lastState().orElseThrow();
        assertEquals("Once upon a tide.\n\nThe sea withdrew.", state.getString("text"));
        assertEquals(BEA.accountId(), state.getJsonNumber("holder").longValue());
        InMemoryWorks works = host.context().memoryWorks();
        long workId = state.getJsonNumber("workId").longValue();
        PluginWork work = works.find(workId).orElseThrow();
        assertEquals(List.of(10L, 11L, 12L), work.authors());
        assertEquals(List.of(10L, 11L, 12L), works.versions(workId).stream().map(InMemoryWorks.Version::authorId)
                .toList());
        assertEquals("lyon", works.city(workId).orElseThrow());
    }

    @Test
    void aTurnTimesOutToTheNextPersonAfterTheCitysTimeEvenAcrossARestart() {
        TestRoom room = story();
        host.advance(Duration.ofSeconds(59));
        assertEquals(BEA.accountId(), host.roomKind(RoundRobin.ID).snapshot(room.context(),
                host.context().clock().instant()).value().getJsonNumber("holder").longValue());
        host = host.restart(new LiteratureModule());
        attach();
        host.advance(Duration.ofSeconds(1));
        TestRoom resumed = host.resume(room);
        JsonObject state = resumed.lastState().orElseThrow();
        assertEquals(CAL.accountId(), state.getJsonNumber("holder").longValue());
        assertEquals(2, state.getInt("turn"));
        assertEquals("turn-timed-out", rooms.published.get(0).type());
        assertEquals("not-your-turn", resumed.refuse(BEA, write("late")).code());
    }

    @Test
    void aCoordinatorsCitySettingIsTheTurnLength() {
        TestRoom room = story();
        assertEquals(60, room.lastState().orElseThrow().getInt("turnSeconds"));
        host.context().testSettings().setForCity("lyon", LiteratureModule.TURN_SECONDS, "5");
        room.accept(BEA, RoomAction.of("pass"));
        host.advance(Duration.ofSeconds(5));
        assertEquals(BEA.accountId(), host.roomKind(RoundRobin.ID)
                .snapshot(room.context(), host.context().clock().instant()).value().getJsonNumber("holder")
                .longValue(), "Cal's 5 s turn timed out back to Bea");
    }

    @Test
    void aStoryStartedWhenThePluginHasItsMaximumOfTimersRunsWithoutTimeOutsInsteadOfFailing() {
        for (int i = 0; i < VirtualTimers.MAX_TIMERS; i++) {
            host.context().virtualTimers().scheduleDurable("other:" + i, Duration.ofDays(1), "{}");
        }
        TestRoom room = story();
        assertEquals("writing", room.lastState().orElseThrow().getString("status"));
        host.advance(Duration.ofSeconds(61));
        assertEquals(List.of(), rooms.published, "no timer, no time-out event");
        assertEquals(CAL.accountId(), host.roomKind(RoundRobin.ID).snapshot(room.context(),
                host.context().clock().instant()).value().getJsonNumber("holder").longValue(),
                "yet Bea's turn is over when its time is");
        assertEquals("not-your-turn", room.refuse(BEA, RoomAction.of("pass")).code());
        room.accept(CAL, write("Cal writes on."));
    }
}
