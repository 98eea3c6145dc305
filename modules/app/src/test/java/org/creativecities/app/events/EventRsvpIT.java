package org.creativecities.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RSVPs on the packaged server: only 'going' counts against the capacity, a full event puts 'going' on a waiting
 * list with a position, a withdrawal promotes the first waiter, and parallel answers never overfill an event.
 */
@ExtendWith(SharedServer.class)
class EventRsvpIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    private static JsonObject answer(TestUser who, long id, String status) {
        return who.put("/api/events/" + id + "/rsvp", Api.json("status", status)).expect(200).object();
    }

    @Test
    void aFullEventPutsGoingOnTheWaitingListAndAWithdrawalPromotesTheFirstWaiter(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Rsvpville", "design");
        TestUser coordinator = fixture.coordinator(city, "Rita Rsvp");
        long id = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Small workshop", city,
                "2027-05-01T10:00", "2027-05-01T12:00", "Europe/Lisbon", "capacity", 2)).expect(201).object());
        TestUser a = TestUser.register(api, "Ann Going");
        TestUser b = TestUser.register(api, "Bob Going");
        TestUser c = TestUser.register(api, "Cat Waiting");
        TestUser d = TestUser.register(api, "Dan Waiting");
        TestUser e = TestUser.register(api, "Eli Interested");

        api.put("/api/events/" + id + "/rsvp", Api.json("status", "going")).expect(401);
        a.put("/api/events/" + id + "/rsvp", Api.json("status", "maybe")).expect(400);
        assertEquals("interested", answer(e, id, "interested").getString("status"));
        assertEquals("going", answer(a, id, "going").getString("status"));
        JsonObject second = answer(b, id, "going");
        assertEquals("going", second.getString("status"));
        assertEquals(2, second.getInt("going"));
        JsonObject third = answer(c, id, "going");
        assertEquals("waiting", third.getString("status"));
        assertEquals(1, third.getInt("position"));
        JsonObject fourth = answer(d, id, "going");
        assertEquals("waiting", fourth.getString("status"));
        assertEquals(2, fourth.getInt("position"));
        assertEquals(2, fourth.getInt("going"));
        assertEquals(2, fourth.getInt("waiting"));
        // Answering 'going' again keeps one's place.
        assertEquals(1, answer(c, id, "going").getInt("position"));

        JsonObject withdrawn = a.delete("/api/events/" + id + "/rsvp").expect(200).object();
        assertNull(withdrawn.get("status"));
        assertEquals(2, withdrawn.getInt("going"));
        assertEquals(1, withdrawn.getInt("waiting"));
        JsonObject promoted = c.get("/api/events/" + id).expect(200).object().getJsonObject("myRsvp");
        assertEquals("going", promoted.getString("status"));
        assertEquals(1, d.get("/api/events/" + id).expect(200).object().getJsonObject("myRsvp").getInt("position"));

        // 'Not going' frees a place too; a larger capacity promotes the rest.
        assertEquals("not_going", answer(b, id, "not_going").getString("status"));
        assertEquals("going", d.get("/api/events/" + id).expect(200).object().getJsonObject("myRsvp")
                .getString("status"));
        answer(a, id, "going");
        assertEquals("waiting", a.get("/api/events/" + id).expect(200).object().getJsonObject("myRsvp")
                .getString("status"));
        coordinator.patch("/api/events/" + id, Api.json("capacity", 3)).expect(200);
        JsonObject after = a.get("/api/events/" + id).expect(200).object();
        assertEquals("going", after.getJsonObject("myRsvp").getString("status"));
        assertEquals(3, after.getInt("going"));
        assertEquals(1, after.getInt("interested"));
    }

    @Test
    void parallelAnswersNeverPutMoreGoingThanTheCapacity(PackagedServer server, Api api) throws Exception {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Rushville", "design");
        TestUser coordinator = fixture.coordinator(city, "Ray Rush");
        int capacity = 3;
        long id = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Popular talk", city,
                "2027-06-01T19:00", "2027-06-01T21:00", "Asia/Seoul", "capacity", capacity)).expect(201).object());
        List<TestUser> people = IntStream.range(0, 12).mapToObj(i -> TestUser.register(api, "Rusher " + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<JsonObject>> goes = people.stream()
                    .<Callable<JsonObject>>map(p -> () -> answer(p, id, "going")).toList();
            List<JsonObject> answers = new ArrayList<>();
            for (Future<JsonObject> f : pool.invokeAll(goes)) {
                answers.add(f.get());
            }
            assertEquals(capacity, answers.stream().filter(a -> a.getString("status").equals("going")).count());
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), answers.stream()
                    .filter(a -> a.getString("status").equals("waiting")).map(a -> a.getInt("position")).sorted()
                    .toList());
            List<TestUser> going = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                if (answers.get(i).getString("status").equals("going")) {
                    going.add(people.get(i));
                }
            }
            // Everyone going withdraws at once, while the waiters answer again: still never more than the capacity.
            List<Callable<JsonObject>> churn = new ArrayList<>();
            going.forEach(p -> churn.add(() -> p.delete("/api/events/" + id + "/rsvp").expect(200).object()));
            people.stream().filter(p -> !going.contains(p))
                    .forEach(p -> churn.add(() -> answer(p, id, "going")));
            for (Future<JsonObject> f : pool.invokeAll(churn)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject event = api.get("/api/events/" + id).expect(200).object();
        assertEquals(capacity, event.getInt("going"));
        assertEquals(people.size() - 2 * capacity, event.getInt("waiting"));
        long promoted = people.stream().map(p -> p.get("/api/events/" + id).expect(200).object())
                .filter(v -> v.containsKey("myRsvp") && !v.isNull("myRsvp")
                        && v.getJsonObject("myRsvp").getString("status").equals("going")).count();
        assertEquals(capacity, promoted);
    }
}
