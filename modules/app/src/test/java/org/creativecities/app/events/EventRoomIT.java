package org.creativecities.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An online event's live room on the packaged server: published, it has a room; a join over /ws before the room
 * opens (15 minutes before the start) gets a {@code not-open} error frame saying when, and a join once it is open
 * gets the welcome. An event in a city is given no room.
 */
@ExtendWith(SharedServer.class)
class EventRoomIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    private static JsonObject online(TestUser coordinator, String city, String title, LocalDateTime start) {
        return coordinator.post("/api/events", EventsFixture.event(title, city,
                start.truncatedTo(ChronoUnit.MINUTES).toString(),
                start.plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString(), "Etc/UTC",
                "place", Api.json("kind", "online"))).expect(201).object();
    }

    @Test
    void theRoomOpensFifteenMinutesBeforeTheStart(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Roomville", "design");
        TestUser coordinator = fixture.coordinator(city, "Rhea Room");
        TestUser guest = TestUser.register(api, "Gil Guest");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        JsonObject later = online(coordinator, city, "Online later", now.plusMinutes(40));
        JsonObject soon = online(coordinator, city, "Online soon", now.plusMinutes(10));
        assertTrue(later.containsKey("room") && !later.isNull("room"), later.toString());
        long laterRoom = later.getJsonNumber("room").longValue();
        long soonRoom = soon.getJsonNumber("room").longValue();
        JsonObject inCity = coordinator.post("/api/events", EventsFixture.event("In the city", city,
                "2027-11-01T10:00", "2027-11-01T12:00", "Etc/UTC")).expect(201).object();
        assertTrue(!inCity.containsKey("room") || inCity.isNull("room"), inCity.toString());

        try (LiveClient c = LiveClient.open(guest)) {
            JsonObject refused = c.send(Rooms.join(laterRoom, null, "early")).reply("early");
            assertEquals("error", refused.getString("type"), refused.toString());
            assertEquals("not-open", refused.getString("code"));
            assertTrue(refused.getString("reason").contains("opens at"), refused.toString());
            JsonObject welcome = c.send(Rooms.join(soonRoom, null, "open")).reply("open");
            assertEquals("welcome", welcome.getString("type"), welcome.toString());
        }
    }
}
