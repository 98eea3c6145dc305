package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * Events in the browser: a coordinator creates one from the form, a first person answers "going" and takes the only
 * place, a second is put on the waiting list with their position; the "add to my calendar" link is a real
 * iCalendar document; axe finds nothing on the list and the event's page. The header links to the events (EN and
 * FR); a coordinator approves a member's proposal and declines another with the page's buttons, which the proposer
 * does not get.
 */
@ExtendWith(BrowserServer.class)
class EventsBrowserIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    @Test
    void createAnswerAndWaitThenAddToMyCalendar(PackagedServer server, Api api) throws Exception {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Browserville", "design");
        TestUser coordinator = fixture.coordinator(city, "Bea Browser");
        TestUser first = TestUser.register(api, "Fay First");
        TestUser second = TestUser.register(api, "Sam Second");
        String eventPath;
        try (Browser b = Browser.open(server)) {
            b.useToken(coordinator.token()).go("/events");
            b.find("[data-testid=events-page]");
            b.type("[data-testid=event-form] input[name=title]", "Poster workshop");
            b.js("arguments[0].value = '2027-09-01T18:00'; arguments[1].value = '2027-09-01T20:00';"
                    + "arguments[2].value = 'Europe/Paris';",
                    b.find("[data-testid=event-form] input[name=start]"),
                    b.find("[data-testid=event-form] input[name=end]"),
                    b.find("[data-testid=event-form] input[name=timeZone]"));
            new Select(b.find("[data-testid=event-form] select[name=city]")).selectByValue(city);
            new Select(b.find("[data-testid=event-form] select[name=field]")).selectByValue("design");
            b.type("[data-testid=event-form] input[name=capacity]", "1");
            b.click("[data-testid=event-form] button[type=submit]");
            b.until("the event's page", d -> b.path().matches("/events/\\d+"));
            eventPath = b.path();
            b.findWithText("[data-testid=event-status]", "Published");
            assertEquals(java.util.List.of(), b.axe(), "axe on an event's page");
        }
        long id = Long.parseLong(eventPath.substring(eventPath.lastIndexOf('/') + 1));
        try (Browser b = Browser.open(server)) {
            b.useToken(first.token()).go("/events");
            String item = "[data-testid=event-item][data-id='" + id + "'] ";
            b.click(item + "button[data-status=going]");
            b.findWithText(item + "[data-testid=event-rsvp-status]", "You are going");
            assertEquals(java.util.List.of(), b.axe(), "axe on the events list");
        }
        try (Browser b = Browser.open(server, "fr")) {
            b.useToken(second.token()).go(eventPath);
            b.click("[data-testid=event-page] button[data-status=going]");
            b.findWithText("[data-testid=event-rsvp-status]", "numéro 1 sur la liste d'attente");
            String href = b.find("[data-testid=event-ics]").getAttribute("href");
            assertTrue(href.endsWith("/api/events/" + id + ".ics"), href);
            Api.Response ics = api.request("GET", "/api/events/" + id + ".ics").header("Accept", "text/calendar")
                    .send().expect(200);
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
            assertEquals("Poster workshop", calendar.getComponents("VEVENT").get(0).getProperty("SUMMARY")
                    .orElseThrow().getValue());
        }
    }

    @Test
    void theHeaderLinksToEventsAndACoordinatorDecidesProposals(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Proposalville", "design");
        TestUser coordinator = fixture.coordinator(city, "Cora Coordinator");
        TestUser member = fixture.member(city, "Pia Proposer");
        long approved = propose(member, city, "Zine fair");
        long declined = propose(member, city, "Zine fair, again");
        try (Browser b = Browser.open(server, "fr")) {
            b.useToken(member.token()).go("/events/" + approved);
            b.findWithText("[data-testid=event-status]", "Proposé");
            assertTrue(b.all("[data-testid=event-approval]").isEmpty(), "the proposer does not decide");
            b.findWithText(".site-nav a[href='/events']", "Événements");
        }
        try (Browser b = Browser.open(server)) {
            b.useToken(coordinator.token()).go("/");
            b.findWithText(".site-nav a[href='/events']", "Events").click();
            b.find("[data-testid=events-page]");
            b.go("/events/" + approved);
            b.findWithText("[data-testid=event-status]", "Proposed");
            assertEquals(java.util.List.of(), b.axe(), "axe on a proposal with its approval buttons");
            b.click("[data-testid=event-approval] button[data-decision=approve]");
            b.findWithText("[data-testid=event-status]", "Published");
            b.findWithText("[data-testid=event-decided]", "Approved");
            b.go("/events/" + declined);
            b.click("[data-testid=event-approval] button[data-decision=decline]");
            b.findWithText("[data-testid=event-status]", "Declined");
        }
        assertEquals("published", api.request("GET", "/api/events/" + approved).send().expect(200).object()
                .getString("status"));
        assertEquals("declined", coordinator.get("/api/events/" + declined).expect(200).object().getString("status"));
    }

    private static long propose(TestUser member, String city, String title) {
        var event = member.post("/api/events", EventsFixture.event(title, city, "2027-10-02T14:00",
                "2027-10-02T18:00", "Europe/Paris")).expect(201).object();
        assertEquals("proposed", event.getString("status"));
        return EventsFixture.id(event);
    }
}
