package org.creativecities.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.hook.HookResult;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.junit.jupiter.api.Test;

class TestHostTest {

    private static final Actor ANA = new Actor(1, "Ana", true, false, false);

    @Test
    void routesSeeTheSettingsAsAnAdministratorSetThem() {
        TestHost host = TestHost.start(new SampleModule(), "sample", "1.0.0");
        assertEquals("Hello", host.http(TestRequest.get("/hello")).object().getString("text"));

        host.context().testSettings().set("greeting", "Hi").setForCity("lyon", "greeting", "Salut");
        assertEquals("Hi", host.http(TestRequest.get("/hello")).object().getString("text"));
        assertEquals("Salut", host.http(TestRequest.get("/hello").city("lyon")).object().getString("text"));

        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> host.context().testSettings().set("greeting", "x".repeat(21)));
        assertTrue(tooLong.getMessage().contains("at most 20"), tooLong.getMessage());

        TestResponse missing = host.http(TestRequest.get("/nothing"));
        assertEquals(404, missing.status());
        assertEquals("Not found", missing.object().getString("title"));
    }

    @Test
    void aRepeatingTimerFiresOnlyWhenTheTestMovesTheClock() {
        TestHost host = TestHost.start(new SampleModule());
        assertEquals(0, host.http(TestRequest.get("/hello")).object().getInt("count"));
        assertEquals(0, host.advance(Duration.ofSeconds(59)));
        assertEquals(3, host.advance(Duration.ofMinutes(3)));
        assertEquals(3, host.http(TestRequest.get("/hello")).object().getInt("count"));
        assertEquals(TestModuleContext.DEFAULT_START.plusSeconds(59 + 180), host.context().clock().instant());

        host.stop();
        assertEquals(0, host.advance(Duration.ofHours(1)), "stopping cancels in-memory timers");
    }

    @Test
    void durableTimersReachTheHandlerAndOutliveARestart() {
        TestHost host = TestHost.start(new SampleModule());
        assertEquals(202, host.http(TestRequest.post("/later/remind")).status());
        assertTrue(host.context().virtualTimers().findDurable("remind").isPresent());

        TestHost again = host.restart(new SampleModule());
        again.advance(Duration.ofMinutes(61));
        assertEquals("1", again.context().memoryStorage().get(StorageScope.global(), "durable:remind")
                .orElseThrow().value());
        assertTrue(again.context().virtualTimers().findDurable("remind").isEmpty());
    }

    @Test
    void aFailingDurableHandlerIsRetriedUpToTheLimitAndTheFailuresAreRecorded() {
        TestHost host = TestHost.start(new SampleModule());
        host.http(TestRequest.post("/later/bad").json("{\"fail\":true}"));
        host.advance(Duration.ofHours(2));
        assertEquals(3, host.context().virtualTimers().failures().size());
        assertTrue(host.context().virtualTimers().findDurable("bad").isEmpty(), "dropped after the last attempt");
    }

    @Test
    void aRoomKindIsDrivenLikeTheEngineDrivesIt() {
        TestHost host = TestHost.start(new SampleModule());
        host.context().testSettings().setForCity("lyon", "max", 2);
        TestRoom room = host.openRoom("counter", "lyon", ANA, JsonObject.EMPTY_JSON_OBJECT);
        assertEquals(0, room.lastState().orElseThrow().getInt("count"));

        room.accept(ANA, RoomAction.of("increment"));
        room.accept(ANA, RoomAction.of("increment"));
        assertEquals("at-max", room.refuse(ANA, RoomAction.of("increment")).code());
        assertEquals("unknown-action", room.refuse(ANA, RoomAction.of("reset")).code());
        assertEquals(2, room.join().getInt("count"));
        assertEquals(2, room.broadcasts().size());
        assertEquals("counted", room.broadcasts().get(0).type());
    }

    @Test
    void aRoomResumesFromStorageAfterARestartAndNewRoomsGetNewIds() {
        TestHost host = TestHost.start(new SampleModule());
        TestRoom room = host.openRoom("counter", "lyon", ANA, JsonObject.EMPTY_JSON_OBJECT);
        room.accept(ANA, RoomAction.of("increment"));

        TestHost again = host.restart(new SampleModule());
        TestRoom other = again.openRoom("counter", "lyon", ANA, JsonObject.EMPTY_JSON_OBJECT);
        assertNotEquals(room.context().roomId(), other.context().roomId());
        TestRoom resumed = again.resume(room);
        assertEquals(1, resumed.join().getInt("count"));
        resumed.accept(ANA, RoomAction.of("increment"));
        assertEquals(2, resumed.lastState().orElseThrow().getInt("count"));
    }

    @Test
    void hooksAndPermissionsAreTheCoresRules() {
        TestHost host = TestHost.start(new SampleModule());
        assertEquals(HookResult.Decision.VETO, host.beforePost(
                new MessageHook.MessageDraft("r", "lyon", 1, "text", "a spoiler")).decision());
        assertEquals(HookResult.Decision.ALLOW, host.beforePost(
                new MessageHook.MessageDraft("r", "lyon", 1, "text", "fine")).decision());
        assertThrows(PluginPermissionException.class, () -> host.context().cities());
        assertThrows(PluginPermissionException.class, () -> host.context().files());
    }

    @Test
    void aMissingUiModuleFailsTheStartAsOnTheServer() {
        CommonsModule broken = new CommonsModule() {
            @Override
            public ModuleInfo info() {
                return ModuleInfo.builder("Broken").page("ui/missing.js", "ccc-missing").build();
            }

            @Override
            public void start(ModuleContext context) {
            }

            @Override
            public void stop() {
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestHost.start(broken));
        assertTrue(e.getMessage().contains("ui/missing.js"), e.getMessage());
    }
}
