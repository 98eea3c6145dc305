package org.creativecities.app.foundation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.creativecities.app.testkit.Api;

/**
 * A visitor's first page asks for several kinds of JSON at once. On a server that has just started, those first
 * answers raced inside the container's JSON-B set-up: a 500 with a ConcurrentModificationException in Payara's
 * context resolver, as long as the application registered a JSON-B resolver class of its own (see
 * {@code architecture.RequestBodiesTest}). Run by {@code restart.AcrossRestartIT} right after each start, before any
 * other request.
 */
public final class FirstReads {

    /** Anonymous reads whose answers are JSON of as many different types as the home page asks for at once. */
    private static final List<String> READS = List.of("/api/stats", "/api/fields", "/api/activity?limit=12",
            "/api/works?size=6", "/api/cities?size=5", "/api/stats/map", "/api/events", "/api/projects",
            "/api/people", "/api/cities/lyon");

    private FirstReads() {
    }

    /**
     * Sends each read twice, all of them released together.
     *
     * @return the reads that did not answer 200, with their answer; empty when all did
     */
    public static List<String> failedWhenSentAtOnce(Api api) {
        int calls = READS.size() * 2;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String path = READS.get(i % READS.size());
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
            return answers.stream().map(CompletableFuture::join).filter(f -> f != null).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
