package org.creativecities.app.notifications;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.creativecities.app.testkit.TestUser;

/** Reading a person's notifications in tests: they are delivered just after the change commits, so tests wait. */
final class Notified {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private Notified() {
    }

    /** A new open city for the test, retired with the others of {@code cities}; its slug. */
    static String newCity(TestUser admin, org.creativecities.app.testkit.TestCities cities, String name) {
        return cities.add(admin.post("/api/cities", org.creativecities.app.testkit.Api.json("name",
                name + " " + System.nanoTime() % 1_000_000, "countryCode", "PT", "joinPolicy", "OPEN")).expect(201)
                .object().getString("slug"), admin);
    }

    /** The person's notifications page (newest first). */
    static JsonObject page(TestUser who) {
        return who.get("/api/me/notifications?size=50").expect(200).object();
    }

    static List<JsonObject> items(TestUser who) {
        return page(who).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Waits until the person has a notification that matches, and returns it. */
    static JsonObject await(TestUser who, Predicate<JsonObject> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<JsonObject> items = items(who);
            for (JsonObject n : items) {
                if (match.test(n)) {
                    return n;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("No matching notification for " + who.name() + " within " + WAIT + ": " + items);
            }
            sleep(100);
        }
    }

    /** A matcher of a notification's kind. */
    static Predicate<JsonObject> kind(String kind) {
        return n -> kind.equals(n.getString("kind"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
