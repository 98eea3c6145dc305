package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.Test;

/**
 * The harness's kill / restart / stop, the server surviving a crash with its data folder, and the first answers
 * of a freshly started server.
 */
@OwnServerLane
class LifecycleIT {

    /** Anonymous reads whose answers are JSON of as many different types as the home page asks for at once. */
    private static final List<String> FIRST_READS = List.of("/api/stats", "/api/fields", "/api/activity?limit=12",
            "/api/works?size=6", "/api/cities?size=5", "/api/stats/map", "/api/events", "/api/projects",
            "/api/people", "/api/cities/lyon");

    @Test
    void survivesAKillAndStopsGracefully() {
        try (PackagedServer server = PackagedServer.builder("lifecycle").start()) {
            int port = server.port();
            Path db = server.dataDir().resolve("ccc.mv.db");
            assertTrue(Files.isRegularFile(db), "database created in " + server.dataDir());
            assertFirstReadsAtOnceAllAnswer(server.api());

            server.kill();
            assertFalse(server.isRunning());
            assertEquals(137, server.exitCode(), "SIGKILL");
            server.restart();
            assertTrue(server.isRunning());
            assertEquals(port, server.port(), "same port after restart");
            assertTrue(Files.isRegularFile(db), "same data folder after restart");
            server.api().get("/health/ready").expect(200);
            assertFirstReadsAtOnceAllAnswer(server.api());
            assertEquals(2, server.logText().lines().filter(l -> l.startsWith(PackagedServer.READY_PREFIX)).count(),
                    "one ready line per start");

            server.stop();
            assertFalse(server.isRunning());
            assertEquals(143, server.exitCode(), "SIGTERM ends the JVM through its shutdown hooks, in time");
        }
    }

    /**
     * A visitor's first page asks for several kinds of JSON at once. On a server that has just started, those first
     * answers raced inside the container's JSON-B set-up (a 500 with a ConcurrentModificationException in Payara's
     * context resolver, whenever the application registered a JSON-B resolver class of its own). Each read is sent
     * twice, all of them released together.
     */
    private static void assertFirstReadsAtOnceAllAnswer(Api api) {
        int calls = FIRST_READS.size() * 2;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String path = FIRST_READS.get(i % FIRST_READS.size());
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return path + " interrupted";
                    }
                    Api.Response r = api.get(path);
                    return r.status() == 200 ? null : path + " -> " + r.status() + " " + r.body();
                }, pool));
            }
            go.countDown();
            List<String> failed = answers.stream().map(CompletableFuture::join).filter(f -> f != null).toList();
            assertEquals(List.of(), failed, "every first read answers 200");
        } finally {
            pool.shutdownNow();
        }
    }
}
