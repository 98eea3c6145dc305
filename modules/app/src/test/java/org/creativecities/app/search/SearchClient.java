package org.creativecities.app.search;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;

/**
 * Searches as someone (a signed-in person, or a visitor from a given address), and waits for the index to catch
 * up with a change: the index applies changes in the background, so a test asks again until the answer shows it
 * (or gives up after {@link #PATIENCE}, which only a broken index reaches).
 */
final class SearchClient {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Api api;
    private final String ip;

    private SearchClient(Api api, String ip) {
        this.api = api;
        this.ip = ip;
    }

    static SearchClient as(TestUser user) {
        return new SearchClient(user.api(), user.ip());
    }

    static SearchClient visitor(Api api) {
        return new SearchClient(api, TestUser.freshIp());
    }

    static String path(String query) {
        return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    Api.Response get(String path) {
        return TestUser.send(api, ip, "GET", path, null);
    }

    /** The hits of a search (status 200 expected). */
    List<JsonObject> hits(String path) {
        return get(path).expect(200).object().getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
    }

    /** Asks until the hits satisfy the condition. */
    List<JsonObject> await(String path, Predicate<List<JsonObject>> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<JsonObject> last = List.of();
        while (System.nanoTime() < deadline) {
            last = hits(path);
            if (condition.test(last)) {
                return last;
            }
            pause();
        }
        return fail("the search " + path + " never satisfied the condition; last answer: " + last);
    }

    /** Waits until the index is READY. */
    static void awaitReady(Api api) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = api.get("/api/search/status").expect(200).object().getString("state");
            if (state.equals("READY")) {
                return;
            }
            pause();
        }
        fail("the search index never became READY; last state " + state);
    }

    /** Waits until everything the index received is applied and committed. */
    static void awaitDurable(Api api) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get("/api/search/status").expect(200).object().getBoolean("durable")) {
                return;
            }
            pause();
        }
        fail("the search index never committed what it received");
    }

    static boolean has(List<JsonObject> hits, String kind, String id) {
        return hits.stream().anyMatch(h -> h.getString("kind").equals(kind) && h.getString("id").equals(id));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
