package org.creativecities.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * iCalendar on the packaged server, read with a real parser (ical4j's CalendarBuilder): a single event, the city and
 * field feeds, and a person's secret "my events" feed, its token rotated; ETags; anonymous reads rate-limited.
 */
@ExtendWith(SharedServer.class)
class EventCalendarIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    static Api.Response ics(Api api, String path) {
        return api.request("GET", path).header("Accept", "text/calendar").send();
    }

    static Calendar parse(Api.Response response) throws Exception {
        response.expect(200);
        assertTrue(response.header("Content-Type").orElse("").startsWith("text/calendar"), response::toString);
        return new CalendarBuilder().build(new StringReader(response.body()));
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents("VEVENT");
    }

    static String prop(VEvent event, String name) {
        Optional<Property> p = event.getProperty(name);
        return p.map(Property::getValue).orElse(null);
    }

    static List<String> summaries(Calendar calendar) {
        return events(calendar).stream().map(e -> prop(e, Property.SUMMARY)).toList();
    }

    @Test
    void anEventAndTheCityAndFieldFeedsAreICalendarWithZoneRuleUidAndUrl(PackagedServer server, Api api)
            throws Exception {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Icsville", "media-arts");
        TestUser coordinator = fixture.coordinator(city, "Ida Ics");
        JsonObject body = EventsFixture.event("Monthly media lab", city, "2027-01-12T19:00", "2027-01-12T21:30",
                "America/Denver", "rrule", "FREQ=MONTHLY;COUNT=6", "fields", List.of("media-arts"));
        long id = EventsFixture.id(coordinator.post("/api/events", body).expect(201).object());

        Api.Response single = ics(api, "/api/events/" + id + ".ics");
        Calendar calendar = parse(single);
        VEvent event = events(calendar).get(0);
        assertEquals("Monthly media lab", prop(event, Property.SUMMARY));
        assertTrue(prop(event, Property.UID).startsWith("event-" + id + "@"), prop(event, Property.UID));
        Property start = event.getProperty(Property.DTSTART).orElseThrow();
        assertEquals("20270112T190000", start.getValue());
        assertEquals("America/Denver", start.getParameter("TZID").orElseThrow().getValue());
        assertEquals("FREQ=MONTHLY;COUNT=6", prop(event, Property.RRULE));
        // The URL is the event's page in the browser.
        assertTrue(prop(event, Property.URL).matches("http://[^/]+/events/" + id), prop(event, Property.URL));
        assertEquals(1, calendar.getComponents("VTIMEZONE").size());

        String etag = single.header("ETag").orElseThrow();
        assertEquals(304, api.request("GET", "/api/events/" + id + ".ics").header("Accept", "text/calendar")
                .header("If-None-Match", etag).send().status());

        assertTrue(summaries(parse(ics(api, "/feeds/cities/" + city + ".ics"))).contains("Monthly media lab"));
        Api.Response field = ics(api, "/feeds/fields/media-arts.ics");
        assertTrue(summaries(parse(field)).contains("Monthly media lab"));
        assertEquals(304, api.request("GET", "/feeds/fields/media-arts.ics").header("If-None-Match",
                field.header("ETag").orElseThrow()).send().status());
        ics(api, "/feeds/cities/no-such-city-xx.ics").expect(404);
        ics(api, "/feeds/fields/juggling.ics").expect(404);
        // The works' Atom feeds beside them still answer.
        api.request("GET", "/feeds/cities/" + city + ".atom").header("Accept", "application/atom+xml").send()
                .expect(200);

        // A proposal is in no feed and its .ics is not found for others.
        TestUser member = fixture.member(city, "Pia Proposes");
        long proposal = EventsFixture.id(member.post("/api/events", EventsFixture.event("Secret plan", city,
                "2027-02-01T10:00", "2027-02-01T11:00", "America/Denver")).expect(201).object());
        ics(api, "/api/events/" + proposal + ".ics").expect(404);
        assertEquals(200, member.api().request("GET", "/api/events/" + proposal + ".ics")
                .header("Accept", "text/calendar").send().status());
        assertTrue(!summaries(parse(ics(api, "/feeds/cities/" + city + ".ics"))).contains("Secret plan"));
    }

    @Test
    void myEventsFeedListsWhatIAnsweredAndItsTokenRotates(PackagedServer server, Api api) throws Exception {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Myville", "design");
        TestUser coordinator = fixture.coordinator(city, "Mo Mine");
        long going = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("I am going", city,
                "2027-07-01T10:00", "2027-07-01T11:00", "Africa/Cairo")).expect(201).object());
        long interested = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("I might go", city,
                "2027-07-02T10:00", "2027-07-02T11:00", "Africa/Cairo")).expect(201).object());
        long declined = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("I will not go", city,
                "2027-07-03T10:00", "2027-07-03T11:00", "Africa/Cairo")).expect(201).object());
        coordinator.post("/api/events", EventsFixture.event("Never answered", city, "2027-07-04T10:00",
                "2027-07-04T11:00", "Africa/Cairo")).expect(201);
        TestUser me = TestUser.register(api, "Mia Calendar");
        me.put("/api/events/" + going + "/rsvp", Api.json("status", "going")).expect(200);
        me.put("/api/events/" + interested + "/rsvp", Api.json("status", "interested")).expect(200);
        me.put("/api/events/" + declined + "/rsvp", Api.json("status", "not_going")).expect(200);

        api.post("/api/me/calendar-token", null).expect(401);
        String url = me.post("/api/me/calendar-token", null).expect(200).object().getString("url");
        assertTrue(url.matches("/feeds/me/[A-Za-z0-9_-]{43}\\.ics"), url);
        assertEquals(List.of("I might go", "I am going"), summaries(parse(ics(api, url))));

        String rotated = me.post("/api/me/calendar-token", null).expect(200).object().getString("url");
        ics(api, url).expect(404);
        assertEquals(2, summaries(parse(ics(api, rotated))).size());
        ics(api, "/feeds/me/not-a-token.ics").expect(404);
    }

    @Test
    void anonymousFeedReadsAreRateLimitedPerAddress(Api api) {
        String ip = TestUser.freshIp();
        Api.Response refused = null;
        for (int i = 0; i < 1000 && refused == null; i++) {
            Api.Response r = api.request("GET", "/feeds/fields/design.ics").header("X-Forwarded-For", ip).send();
            if (r.status() == 429) {
                refused = r;
            } else {
                r.expect(200);
            }
        }
        assertTrue(refused != null, "never limited");
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(200, api.request("GET", "/feeds/fields/design.ics").header("X-Forwarded-For",
                TestUser.freshIp()).send().status());
    }
}
