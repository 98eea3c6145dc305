package org.creativecities.app.events;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;

/** Cities of its own, with a coordinator and members, for an events IT on the shared server. */
public final class EventsFixture {

    public final TestCities cities = new TestCities();
    final TestUser admin;
    final Api anonymous;

    public EventsFixture(TestUser admin, Api anonymous) {
        this.admin = admin;
        this.anonymous = anonymous;
    }

    /** A new open city with a designation in {@code field}; its slug. */
    public String city(String name, String field) {
        String slug = admin.send("POST", "/api/cities", Api.json("name", name + " " + System.nanoTime(),
                "countryCode", "FR", "latitude", 45.76, "longitude", 4.84, "joinPolicy", "OPEN",
                "designations", Json.createArrayBuilder().add(Api.json("field", field, "year", 2017)).build()))
                .expect(201).object().getString("slug");
        return cities.add(slug, admin);
    }

    public TestUser member(String city, String name) {
        TestUser user = TestUser.register(anonymous, name);
        user.send("POST", "/api/cities/" + city + "/members", null).expect(201);
        return user;
    }

    public TestUser coordinator(String city, String name) {
        TestUser user = member(city, name);
        admin.send("PUT", "/api/cities/" + city + "/members/" + user.id() + "/role",
                Api.json("role", "COORDINATOR")).expect(200);
        return user;
    }

    /** An event body: local times in the zone, one organising city, a field, and more properties if given. */
    public static JsonObject event(String title, String city, String start, String end, String zone, Object... more) {
        var b = Json.createObjectBuilder(Api.json("title", title, "description", "Come **along**.", "start", start,
                "end", end, "timeZone", zone, "place", Api.json("kind", "city", "city", city),
                "cities", Json.createArrayBuilder().add(city).build(),
                "fields", Json.createArrayBuilder().add("design").build()));
        Api.json(more).forEach(b::add);
        return b.build();
    }

    public static long id(JsonObject event) {
        return event.getJsonNumber("id").longValue();
    }
}
