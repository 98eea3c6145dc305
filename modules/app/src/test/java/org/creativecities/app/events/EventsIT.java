package org.creativecities.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events on the packaged server: coordinators publish, members propose and coordinators approve, proposals stay
 * private, times are stored in the organiser's zone and answered as instants, input errors name their field, and
 * the network's history is seeded.
 */
@ExtendWith(SharedServer.class)
class EventsIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    private static List<Long> ids(JsonObject list) {
        return list.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    @Test
    void coordinatorsPublishMembersProposeAndACoordinatorOfTheCityDecides(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Eventville", "design");
        String other = fixture.city("Othertown", "design");
        TestUser coordinator = fixture.coordinator(city, "Eve Coordinator");
        TestUser member = fixture.member(city, "Max Member");
        TestUser stranger = fixture.coordinator(other, "Olga Other");

        api.post("/api/events", EventsFixture.event("Open studio", city, "2027-03-10T18:00", "2027-03-10T20:00",
                "Europe/Paris")).expect(401);
        stranger.post("/api/events", EventsFixture.event("Not mine", city, "2027-03-10T18:00", "2027-03-10T20:00",
                "Europe/Paris")).expect(403);

        JsonObject published = coordinator.post("/api/events", EventsFixture.event("Open studio", city,
                "2027-03-10T18:00", "2027-03-10T20:00", "Europe/Paris", "capacity", 40)).expect(201).object();
        assertEquals("published", published.getString("status"));
        assertEquals("2027-03-10T17:00:00Z", published.getString("start"));
        assertEquals("2027-03-10T19:00:00Z", published.getString("end"));
        assertEquals("Europe/Paris", published.getString("timeZone"));
        assertEquals("2027-03-10T18:00", published.getString("localStart"));
        assertEquals("<p>Come <strong>along</strong>.</p>", published.getString("descriptionHtml"));
        assertEquals(List.of("design"), published.getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        long publishedId = EventsFixture.id(published);
        assertEquals("Open studio", api.get("/api/events/" + publishedId).expect(200).object().getString("title"));

        // A member's proposal: private to them and the city's coordinators until approved.
        JsonObject proposal = member.post("/api/events", EventsFixture.event("Zine fair", city, "2027-04-01T10:00",
                "2027-04-01T17:00", "Europe/Paris")).expect(201).object();
        assertEquals("proposed", proposal.getString("status"));
        long proposalId = EventsFixture.id(proposal);
        api.get("/api/events/" + proposalId).expect(404);
        stranger.get("/api/events/" + proposalId).expect(404);
        stranger.post("/api/events/" + proposalId + "/approval", Api.json("decision", "approve")).expect(404);
        member.post("/api/events/" + proposalId + "/approval", Api.json("decision", "approve")).expect(403);
        assertTrue(coordinator.get("/api/events/" + proposalId).expect(200).object().getBoolean("canDecide"));
        String window = "?from=2027-03-01T00:00:00Z&to=2027-05-01T00:00:00Z&city=" + city;
        assertEquals(List.of(publishedId), ids(api.get("/api/events" + window).expect(200).object()));
        assertEquals(List.of(publishedId, proposalId), ids(coordinator.get("/api/events" + window).expect(200)
                .object()));
        member.put("/api/events/" + proposalId + "/rsvp", Api.json("status", "going")).expect(409);
        coordinator.post("/api/events/" + proposalId + "/approval", Api.json("decision", "maybe")).expect(400);
        assertEquals("published", coordinator.post("/api/events/" + proposalId + "/approval",
                Api.json("decision", "approve")).expect(200).object().getString("status"));
        coordinator.post("/api/events/" + proposalId + "/approval", Api.json("decision", "approve")).expect(409);
        assertEquals(List.of(publishedId, proposalId), ids(api.get("/api/events" + window).expect(200).object()));

        // Filters: field and window; an unknown field is refused by name.
        assertEquals(List.of(), ids(api.get("/api/events" + window + "&field=music").expect(200).object()));
        assertEquals(List.of(proposalId), ids(api.get("/api/events?city=" + city
                + "&from=2027-03-20T00:00:00Z&to=2027-05-01T00:00:00Z").expect(200).object()));
        api.get("/api/events?field=juggling").expect(400);

        // Changes: the owner checks hold on every call.
        stranger.patch("/api/events/" + publishedId, Api.json("title", "Mine now")).expect(403);
        api.patch("/api/events/" + publishedId, Api.json("title", "Mine now")).expect(401);
        JsonObject moved = coordinator.patch("/api/events/" + publishedId, Api.json("timeZone", "America/Denver"))
                .expect(200).object();
        assertEquals("2027-03-11T01:00:00Z", moved.getString("start"));
        stranger.delete("/api/events/" + publishedId).expect(403);
        fixture.admin.delete("/api/events/" + publishedId).expect(204);
        api.get("/api/events/" + publishedId).expect(404);
    }

    @Test
    void badInputIsAProblemNamingTheField(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Checkville", "design");
        TestUser coordinator = fixture.coordinator(city, "Carla Checks");
        assertField(coordinator.post("/api/events", EventsFixture.event("Bad rule", city, "2027-03-10T18:00",
                "2027-03-10T20:00", "Europe/Paris", "rrule", "FREQ=SOMETIMES;COUNT=x")), "rrule");
        assertField(coordinator.post("/api/events", EventsFixture.event("Bad zone", city, "2027-03-10T18:00",
                "2027-03-10T20:00", "Europe/Atlantis")), "timeZone");
        assertField(coordinator.post("/api/events", EventsFixture.event("Backwards", city, "2027-03-10T18:00",
                "2027-03-10T17:00", "Europe/Paris")), "end");
        assertField(coordinator.post("/api/events", EventsFixture.event("Full", city, "2027-03-10T18:00",
                "2027-03-10T20:00", "Europe/Paris", "capacity", 0)), "capacity");
        assertField(coordinator.post("/api/events", EventsFixture.event("Juggling", city, "2027-03-10T18:00",
                "2027-03-10T20:00", "Europe/Paris", "fields", List.of("juggling"))), "fields[0]");
        assertField(coordinator.post("/api/events", EventsFixture.event("Nowhere", city, "2027-03-10T18:00",
                "2027-03-10T20:00", "Europe/Paris", "cities", List.of("atlantis-xx"))), "cities[0]");
        assertField(coordinator.post("/api/events", EventsFixture.event("Where", city, "2027-03-10T18:00",
                "2027-03-10T20:00", "Europe/Paris", "place", Api.json("kind", "address"))), "place.address");
        long id = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Online talk", city,
                "2027-03-10T18:00", "2027-03-10T20:00", "Europe/Paris", "place", Api.json("kind", "online")))
                .expect(201).object());
        assertField(coordinator.patch("/api/events/" + id, Api.json("rrule", "FREQ=MINUTELY")), "rrule");
        assertEquals("online", coordinator.get("/api/events/" + id).expect(200).object().getJsonObject("place")
                .getString("kind"));
    }

    private static void assertField(Api.Response response, String field) {
        response.expect(400);
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"), response::body);
        JsonObject problem = response.object();
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), response::body);
        assertFalse(response.body().contains("org.creativecities"), response::body);
    }

    @Test
    void aWeeklyEventIsListedOncePerOccurrenceInTheOrganisersWallClockTime(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Weekville", "design");
        TestUser coordinator = fixture.coordinator(city, "Wes Weekly");
        long id = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Weekly sketching", city,
                "2027-03-18T18:00", "2027-03-18T20:00", "Europe/Paris", "rrule", "FREQ=WEEKLY;COUNT=4")).expect(201)
                .object());
        JsonObject list = api.get("/api/events?city=" + city + "&from=2027-03-01T00:00:00Z&to=2027-06-01T00:00:00Z")
                .expect(200).object();
        assertEquals(List.of(id, id, id, id), ids(list));
        // 18:00 in Paris is 17:00Z before the change to summer time (28 March 2027) and 16:00Z after it.
        assertEquals(List.of("2027-03-18T17:00:00Z", "2027-03-25T17:00:00Z", "2027-04-01T16:00:00Z",
                "2027-04-08T16:00:00Z"), list.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("start")).toList());
        assertTrue(list.getJsonArray("items").getJsonObject(0).getBoolean("recurring"));
        assertEquals(List.of(id), ids(api.get("/api/events?city=" + city
                + "&from=2027-04-01T16:30:00Z&to=2027-04-02T00:00:00Z").expect(200).object()));
    }

    @Test
    void theNetworksHistoryIsSeededAsPastEventsWithTheirThemes(Api api) {
        JsonObject list = api.get("/api/events?from=2008-01-01T00:00:00Z&to=2011-06-01T00:00:00Z").expect(200)
                .object();
        JsonObject santaFe = seeded(list, "Creative Tourism: A Global Conversation");
        assertEquals("2008-09-28T15:00:00Z", santaFe.getString("start"));
        assertEquals("America/Denver", santaFe.getString("timeZone"));
        assertEquals("Santa Fe", santaFe.getJsonArray("cities").getJsonObject(0).getString("name"));
        JsonObject shenzhen = seeded(list, "New Technology, New Media, and Creative City Synergy");
        assertEquals("Asia/Shanghai", shenzhen.getString("timeZone"));
        assertEquals("Shenzhen", shenzhen.getJsonArray("cities").getJsonObject(0).getString("name"));
        JsonObject detail = api.get("/api/events/" + shenzhen.getJsonNumber("id")).expect(200).object();
        assertTrue(detail.getString("description").contains("not the exact days"), detail::toString);
        assertTrue(!detail.containsKey("organiser") || detail.isNull("organiser"), "seeded by the platform");
    }

    private static JsonObject seeded(JsonObject list, String theme) {
        List<JsonObject> found = list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("title").contains(theme)).toList();
        assertEquals(1, found.size(), () -> theme + " in " + list);
        return found.get(0);
    }
}
