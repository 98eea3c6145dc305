package org.creativecities.app.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creativecities.app.browser.BrowserServer;
import org.creativecities.app.browser.RoomRestart;
import org.creativecities.app.foundation.FirstReads;
import org.creativecities.app.foundation.FirstStart;
import org.creativecities.app.gastronomy.GastronomyRestart;
import org.creativecities.app.literature.LiteratureRestart;
import org.creativecities.app.live.WatchPartyRestart;
import org.creativecities.app.music.MusicRestart;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.PostgresDatabase;
import org.creativecities.app.works.CoEditingRestart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nothing acknowledged is lost in a crash: every {@link RestartScenario} is prepared on one server, the server is
 * killed (SIGKILL: no shutdown hook runs) and started again on the same data, and each scenario's check runs as a
 * test of its own. One server and one restart for all of them, rather than one per feature.
 *
 * <p>The server starts on a fresh H2 file, so it also shows what a first start does ({@link FirstStart}).
 *
 * <p>It also proves the harness's kill, restart and stop on this server (once a class of its own, LifecycleIT, with
 * two boots of its own): the kill is a SIGKILL, the restart comes back on the same port and data folder with one ready
 * line per start, and the stop at the end ends the JVM through its shutdown hooks.
 *
 * <p>The server runs with small co-editing limits: a snapshot every 5 updates, and live documents of at most
 * 2,000 characters (see {@link #aRestSaveOverTheLiveDocumentsLimitIsRefusedAndMakesNoVersion}).
 */
@OwnServerLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcrossRestartIT {

    /** Every scenario, by name. */
    private static final Map<String, RestartScenario> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("a film watch party resumes where it was", s -> WatchPartyRestart.prepare(s)::run);
        SCENARIOS.put("every acknowledged co-editing update survives, loaded from snapshot and tail",
                s -> CoEditingRestart.prepare(s)::run);
        SCENARIOS.put("a live room in the browser reconnects with no gap and no duplicate", RoomRestart::prepare);
        SCENARIOS.put("a reading circle's progress and threads, and a story's written and running turns survive",
                s -> LiteratureRestart.prepare(s)::run);
        SCENARIOS.put("a listening room's queue, votes and city setting survive, and its timers play it to the end",
                s -> MusicRestart.prepare(s)::run);
        SCENARIOS.put("profiles saved before the directory's search keys are found without accents after the start",
                ProfileKeysRestart::prepare);
        SCENARIOS.put("projects created before projects had spaces get theirs at the start, once",
                ProjectSpacesRestart::prepare);
        // After every scenario that adds a city: it compares the number of cities before and after.
        SCENARIOS.put("the first administrator, the seed and people's edits survive, and the server deploys once",
                FirstStart::firstAdministratorThenEverythingSurvivesARestart);
        // Last: its round's 25 s durable timer is meant to fall due while the server is down or after.
        SCENARIOS.put("a tasting keeps its acknowledged ballot, and its round closes at the deadline set before",
                s -> GastronomyRestart.prepare(s)::run);
    }

    private static PackagedServer server;
    private static final Map<String, RestartScenario.Check> CHECKS = new LinkedHashMap<>();
    private static final Map<String, Throwable> UNPREPARED = new LinkedHashMap<>();
    /** What the harness showed around the crash, checked by {@link #theKillIsASigkillAndTheRestartKeepsPortAndData}. */
    private static int portBeforeKill;
    private static boolean runningAfterKill;
    private static int exitCodeOfKill;
    /** The first reads sent at once right after each start that did not answer 200 ({@link FirstReads}). */
    private static final List<String> FIRST_READS_FAILED = new ArrayList<>();

    @BeforeAll
    static void boot() {
        server = BrowserServer.builder("across-restart")
                .env("CCC_WORKS_COLLAB_SNAPSHOT_EVERY", "5").env("CCC_WORKS_COLLAB_MAX_DOCUMENT_CHARS", "2000")
                .start();
        FIRST_READS_FAILED.addAll(FirstReads.failedWhenSentAtOnce(server.api()));
    }

    @AfterAll
    static void shutdown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(0)
    void aFirstStartImportsEveryCity() {
        FirstStart.aFirstStartImportsEveryCity(server);
    }

    @Test
    @Order(0)
    void aFirstStartPrintsFewLines() {
        FirstStart.aFirstStartPrintsFewLines(server);
    }

    @Test
    @Order(0)
    void theContextsBesideTheCoreAreDeployedWithIt() {
        FirstStart.theContextsBesideTheCoreAreDeployedWithIt(server);
    }

    @Test
    @Order(0)
    void theDatabaseIsCreatedInTheDataFolder() {
        Path db = server.dataDir().resolve("ccc.mv.db");
        assertEquals(!PostgresDatabase.wholeRun(), Files.isRegularFile(db),
                "an H2 database created in " + server.dataDir() + " exactly when the run is on H2");
    }

    @Test
    @Order(0)
    void theServerListensOnItsHttpPortOnly() throws IOException {
        FirstStart.theServerListensOnItsHttpPortOnly(server);
    }

    /** See {@link CoEditingRestart#aRestSaveOverTheLiveDocumentsLimitIsRefusedAndMakesNoVersion}. */
    @Test
    @Order(1)
    void aRestSaveOverTheLiveDocumentsLimitIsRefusedAndMakesNoVersion() {
        CoEditingRestart.aRestSaveOverTheLiveDocumentsLimitIsRefusedAndMakesNoVersion(server);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> everyScenarioSurvivesACrash() {
        SCENARIOS.forEach((name, scenario) -> {
            try {
                CHECKS.put(name, scenario.prepare(server));
            } catch (Exception | AssertionError e) {
                UNPREPARED.put(name, e);
            }
        });
        portBeforeKill = server.port();
        server.kill();
        runningAfterKill = server.isRunning();
        exitCodeOfKill = runningAfterKill ? -1 : server.exitCode();
        CHECKS.forEach((name, check) -> {
            try {
                check.whileDown();
            } catch (RuntimeException | AssertionError e) {
                UNPREPARED.put(name, e);
            }
        });
        server.restart();
        FIRST_READS_FAILED.addAll(FirstReads.failedWhenSentAtOnce(server.api()));
        List<DynamicTest> tests = new ArrayList<>();
        SCENARIOS.keySet().forEach(name -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Throwable failed = UNPREPARED.get(name);
            if (failed != null) {
                AssertionError error = new AssertionError("it failed before the restart", failed);
                RestartScenario.Check check = CHECKS.get(name);
                if (check != null) {
                    try {
                        check.afterRestart();
                    } catch (RuntimeException | AssertionError e) {
                        error.addSuppressed(e);
                    }
                }
                throw error;
            }
            CHECKS.get(name).afterRestart();
        })));
        return tests.stream();
    }

    /** The harness's kill and restart (see the class comment). */
    @Test
    @Order(3)
    void theKillIsASigkillAndTheRestartKeepsPortAndData() {
        assertFalse(runningAfterKill);
        assertEquals(137, exitCodeOfKill, "SIGKILL");
        assertTrue(server.isRunning());
        assertEquals(portBeforeKill, server.port(), "same port after restart");
        assertTrue(Files.isDirectory(server.dataDir().resolve("search")), "same data folder after restart");
        assertEquals(!PostgresDatabase.wholeRun(), Files.isRegularFile(server.dataDir().resolve("ccc.mv.db")),
                "the H2 file kept after restart exactly when the run is on H2");
        server.api().get("/health/ready").expect(200);
        assertEquals(2, server.logText().lines().filter(l -> l.startsWith(PackagedServer.READY_PREFIX)).count(),
                "one ready line per start");
    }

    /** After the first start and after the restart, the first reads sent at once all answered ({@link FirstReads}). */
    @Test
    @Order(3)
    void theFirstReadsSentAtOnceAfterEachStartAllAnswered() {
        assertEquals(List.of(), FIRST_READS_FAILED);
    }

    /** Last: the harness's graceful stop. */
    @Test
    @Order(4)
    void aStopEndsTheJvmThroughItsShutdownHooks() {
        server.stop();
        assertFalse(server.isRunning());
        assertEquals(143, server.exitCode(), "SIGTERM ends the JVM through its shutdown hooks, in time");
    }
}
