package org.creativecities.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.Await;
import org.creativecities.app.testkit.OwnServer;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Plugin timers (API 1.3) on a server of the own-server lane ({@link OwnServer#COMBINED}, with
 * the short minimum timer delay), driven through the real PF4J plugin {@code test-timers}
 * (modules/test-plugins/timers), which counts every firing in its storage: one-shot, repeating, cancel, a throwing
 * task counted against the plugin's health, disabling cancels, and a durable timer set before a crash fires after
 * the restart on the same H2 file. Nothing waits a fixed time: "nothing fired after" is shown by a later marker timer
 * having fired meanwhile, on the same scheduler. Last, uninstalling with purge deletes the stored timers.
 */
@OwnServerLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginTimersIT {

    private static final String PLUGIN = "/api/plugins/test-timers";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static PackagedServer server;

    @BeforeAll
    static void boot() {
        server = OwnServer.COMBINED.get();
        PluginAdmin.of(server).install(PluginJars.built("timers"));
    }

    private static PluginAdmin admin() {
        return PluginAdmin.of(server);
    }

    private static Api.Response post(String path) {
        return admin().post(PLUGIN + path).expect(200);
    }

    private static long count(String name) {
        return admin().get(PLUGIN + "/count/" + name).expect(200).object().getJsonNumber("count").longValue();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> condition, String what) {
        return Await.until(read, condition, DEADLINE, what);
    }

    /** Schedules a one-shot marker {@code ms} from now and waits until it has fired. */
    private static void marker(String name, long ms) {
        post("/once/" + name + "?ms=" + ms);
        await(() -> count(name), n -> n == 1, "marker " + name + " fired");
    }

    @Test
    @Order(1)
    void aOneShotFiresOnceAndADurableOneIsDelivered() {
        post("/once/a?ms=200");
        await(() -> count("a"), n -> n == 1, "the one-shot fired");
        admin().send("POST", PLUGIN + "/durable/soon-body?ms=200", Api.json("dish", 2)).expect(200);
        String delivered = await(() -> admin().get(PLUGIN + "/durable/soon-body"), r -> r.status() == 200,
                "the durable timer was delivered").body();
        assertTrue(delivered.startsWith("1 ") && delivered.endsWith("{\"dish\":2}"), delivered);
        await(() -> admin().get(PLUGIN + "/pending/soon-body").object().getBoolean("pending"), p -> !p,
                "a delivered durable timer is deleted");
        marker("a-marker", 1000);
        assertEquals(1, count("a"), "a one-shot fires once");
    }

    @Test
    @Order(2)
    void aRepeatingTaskFiresRepeatedlyUntilCancelled() {
        post("/repeat/r?ms=150");
        await(() -> count("r"), n -> n >= 3, "three firings");
        assertTrue(post("/cancel/r").object().getBoolean("cancelled"));
        long atCancel = count("r");
        marker("r-marker", 1500);
        long after = count("r");
        assertTrue(after <= atCancel + 1, "at most a run already going finished after the cancel: " + atCancel
                + " then " + after);
        assertEquals(false, post("/cancel/r").object().getBoolean("cancelled"));
    }

    @Test
    @Order(3)
    void aThrowingTaskCountsAgainstThePluginsHealthAndTakesNothingDown() {
        int before = admin().plugin("test-timers").getInt("recentFailures");
        post("/throw/t?ms=100");
        JsonObject view = await(() -> admin().plugin("test-timers"), v -> v.getInt("recentFailures") > before,
                "the failure is recorded");
        assertEquals(before + 1, view.getInt("recentFailures"));
        assertTrue(view.getString("lastError").contains("timer task fails on purpose"), view.toString());
        assertEquals("STARTED", view.getString("state"));
        assertEquals(1, count("t"), "the task ran once, up to its throw");
        marker("after-throw", 100);
        server.api().get("/health/ready").expect(200);
    }

    @Test
    @Order(4)
    void disablingThePluginCancelsItsTimers() {
        post("/repeat/d?ms=150");
        await(() -> count("d"), n -> n >= 2, "two firings");
        admin().post("/api/admin/plugins/test-timers/disable").expect(200);
        server.api().get(PLUGIN + "/count/d").expect(404);
        admin().post("/api/admin/plugins/test-timers/enable").expect(200);
        long atEnable = count("d");
        marker("d-marker", 1500);
        assertEquals(atEnable, count("d"), "the repeating timer of the disabled start never fired again");
    }

    @Test
    @Order(5)
    void aDurableTimerSetBeforeACrashFiresAfterTheRestart() {
        String before = admin().get(PLUGIN + "/start").expect(200).body();
        admin().send("POST", PLUGIN + "/durable/late?ms=8000", Api.json("round", 3)).expect(200);
        admin().get(PLUGIN + "/durable/late").expect(404);
        server.kill();
        server.restart();

        String delivered = await(() -> admin().get(PLUGIN + "/durable/late"), r -> r.status() == 200,
                "the durable timer was delivered after the restart").body();
        String after = admin().get(PLUGIN + "/start").expect(200).body();
        assertNotEquals(before, after);
        assertEquals("1 " + after + " {\"round\":3}", delivered, "delivered once, to the plugin's new start");
        assertEquals(false, admin().get(PLUGIN + "/pending/late").object().getBoolean("pending"));
    }

    @Test
    @Order(6)
    void uninstallingWithItsDataPurgedDeletesItsDurableTimers() {
        admin().send("POST", PLUGIN + "/durable/orphan?ms=3600000", Api.json()).expect(200);
        assertEquals(true, admin().get(PLUGIN + "/pending/orphan").object().getBoolean("pending"));
        admin().remove("test-timers");
        admin().install(PluginJars.built("timers"));
        assertEquals(false, admin().get(PLUGIN + "/pending/orphan").object().getBoolean("pending"));
    }
}
