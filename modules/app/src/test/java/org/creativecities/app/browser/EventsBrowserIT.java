package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Events in the browser: a coordinator creates one from the form, a first person answers "going" and takes the only
 * place, a second is put on the waiting list with their position; the "add to my calendar" link is a real
 * iCalendar document; axe finds nothing on the list and the event's page. The header links to the events (EN and
 * FR); a coordinator approves a member's proposal and declines another with the page's buttons, which the proposer
 * does not get. The month view: an event near midnight UTC sits in the reader's own day (New York's) and, as it
 * spans their midnight, on the next day too; "+N more" on a full day; next and previous months, a reload and the
 * "Today" button; the view kept in the address; French month and weekday names; axe; a phone's agenda that does
 * not scroll sideways; in Paris the same event is on 1 March.
 */
@BrowserLane
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

    @Test
    void theMonthGridInTheReadersZoneAndLanguage(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        // A long name, as some cities have: the form's list of cities must not widen the page on a phone.
        String city = fixture.city("Monthville-upon-the-long-river-of-makers-and-film-festivals", "design");
        TestUser coordinator = fixture.coordinator(city, "Mona Month");
        // 00:30–06:00 UTC on 1 March 2027 is 19:30 on 28 February to 01:00 on 1 March in New York.
        long late = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Late-night screening", city,
                "2027-03-01T00:30", "2027-03-01T06:00", "UTC")).expect(201).object());
        List<Long> busy = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            busy.add(EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Busy day " + i, city,
                    "2027-02-10T1" + i + ":00", "2027-02-10T1" + i + ":30", "UTC")).expect(201).object()));
        }
        String lateLink = "a[data-testid=month-event][data-id='" + late + "']";
        try (Browser b = Browser.open(server)) {
            inZone(b, "America/New_York");
            b.useToken(coordinator.token()).go("/events?view=month&month=2027-02");
            assertEquals("America/New_York", b.js("return Intl.DateTimeFormat().resolvedOptions().timeZone;"));
            month(b, "2027-02");
            b.findWithText("[data-testid=month-title]", "February 2027");
            assertEquals("Monday", firstWeekday(b), "en-GB weeks start on Monday");
            b.findWithText("td[data-date='2027-02-28'] " + lateLink, "19:30");
            b.findWithText("[data-testid=events-view] a[aria-current=page]", "Month");
            String busyDay = "td[data-date='2027-02-10'] ";
            b.findWithText(busyDay + "[data-testid=month-more]", "+1 more");
            assertEquals(3, b.all(busyDay + "a[data-testid=month-event]").size(), "a full day shows three");
            b.click(busyDay + "[data-testid=month-more]");
            for (long id : busy) {
                b.find(busyDay + "a[data-id='" + id + "']");
            }
            assertEquals("true", b.find(busyDay + "[data-testid=month-more]").getAttribute("aria-expanded"));
            assertEquals(List.of(), b.axe(), "axe on the month view");
            b.documentScreenshot("events-month");

            b.click("[data-testid=month-next]");
            month(b, "2027-03");
            assertEquals("/events?view=month&month=2027-03", b.path());
            assertEquals("month-next", b.js("return document.activeElement.dataset.testid;"), "focus stays");
            b.driver().navigate().refresh();
            month(b, "2027-03");
            b.findWithText("td[data-date='2027-03-01'] " + lateLink, "(continued)");
            assertTrue(b.all("td[data-date='2027-03-02'] " + lateLink).isEmpty(), "not on the day after");
            b.click("[data-testid=month-previous]");
            month(b, "2027-02");
            b.find("td[data-date='2027-02-28'] " + lateLink);

            // The grid is one tab stop; the keys move between days and months (the WAI-ARIA date grid's keys).
            assertEquals(List.of("2027-02-01"), b.js("return [...document.querySelectorAll("
                    + "'[data-testid=month-grid] td[tabindex=\"0\"]')].map((td) => td.dataset.date);"));
            b.js("document.querySelector('[data-testid=month-grid] td[tabindex=\"0\"]').focus();");
            monthKey(b, Keys.ARROW_RIGHT, "2027-02-02");
            monthKey(b, Keys.ARROW_DOWN, "2027-02-09");
            monthKey(b, Keys.END, "2027-02-14");
            monthKey(b, Keys.HOME, "2027-02-08");
            monthKey(b, Keys.PAGE_DOWN, "2027-03-08");
            month(b, "2027-03");
            assertEquals("/events?view=month&month=2027-03", b.path());
            monthKey(b, Keys.PAGE_UP, "2027-02-08");
            month(b, "2027-02");
            monthKey(b, Keys.ARROW_UP, "2027-02-01");
            monthKey(b, Keys.ARROW_UP, "2027-01-25");
            month(b, "2027-01");
            assertEquals(1L, b.js("return document.querySelectorAll("
                    + "'[data-testid=month-grid] td[tabindex=\"0\"]').length;"), "still one tab stop");
            b.go("/events?view=month&month=2027-02");
            month(b, "2027-02");

            b.click("[data-testid=month-today]");
            LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
            month(b, today.toString().substring(0, 7));
            assertEquals(today.toString(), b.find("td[aria-current=date]").getAttribute("data-date"));
            b.driver().navigate().back();
            month(b, "2027-02");
            b.click("td[data-date='2027-02-28'] " + lateLink);
            b.until("the event's page", d -> b.path().equals("/events/" + late));
            b.find("[data-testid=event-page] button[data-status=going]");

            b.driver().manage().window().setSize(new Dimension(390, 844));
            b.go("/events?view=month&month=2027-02");
            month(b, "2027-02");
            b.find("[data-testid=month-agenda] li[data-date='2027-02-28'] " + lateLink);
            assertEquals(Boolean.FALSE, b.js("return [...document.querySelectorAll('[data-testid=month-grid] td')]"
                    + ".some((td) => td.offsetParent !== null);"), "a phone shows the agenda, not the grid");
            assertEquals(List.of(), b.js("const w = document.documentElement.clientWidth;"
                    + " return [...document.querySelectorAll('body *')].filter((e) => e.offsetParent !== null"
                    + " && e.getBoundingClientRect().right > w + 1).slice(0, 5).map((e) => e.tagName + '.'"
                    + " + e.className + ' ' + (e.dataset.testid || '') + ' ' + Math.round(e.getBoundingClientRect().right));"),
                    "nothing reaches past the right edge on a phone (a long city name in the form's list included)");
            assertEquals(List.of(), b.axe(), "axe on the phone's month view");
            b.documentScreenshot("events-month-phone");
        }
        try (Browser b = Browser.open(server, "fr-FR")) {
            inZone(b, "Europe/Paris");
            b.go("/events");
            b.find("[data-testid=events-page]");
            b.findWithText("[data-testid=events-view] a[aria-current=page]", "Liste");
            b.click("[data-testid=events-view] a[data-view=month]");
            b.until("the month view", d -> b.path().equals("/events?view=month"));
            b.find("[data-testid=events-month][aria-busy=false]");
            b.go("/events?view=month&month=2027-02");
            month(b, "2027-02");
            b.findWithText("[data-testid=month-title]", "février 2027");
            assertEquals("lundi", firstWeekday(b));
            assertTrue(b.all("td[data-date='2027-02-28'] " + lateLink).isEmpty(), "in Paris it is on 1 March");
            b.findWithText("[data-testid=month-today]", "Aujourd'hui");
            assertEquals("Mois suivant", b.find("[data-testid=month-next]").getAttribute("aria-label"));
            b.screenshot("events-month-fr");
        }
    }

    /** Makes the browser's clock read in {@code zone}, as if the reader lived there. */
    private static void inZone(Browser b, String zone) {
        ((ChromeDriver) b.driver()).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    /** Waits until the month view shows {@code month} with its occurrences loaded. */
    private static void month(Browser b, String month) {
        b.find("[data-testid=events-month][data-month='" + month + "'][aria-busy=false]");
    }

    /** The grid's first column's weekday, in full. */
    /** Presses a key in the focused day of the month grid and waits until the focus is on {@code date}. */
    private static void monthKey(Browser b, Keys key, String date) {
        b.driver().switchTo().activeElement().sendKeys(key);
        b.until("the focus on " + date + " after " + key.name(), d -> date.equals(b.js(
                "const e = document.activeElement; return e && e.matches('td[data-date]') ? e.dataset.date : '';")));
    }

    private static Object firstWeekday(Browser b) {
        return b.js("return document.querySelector('[data-testid=month-grid] th .visually-hidden')"
                + ".textContent.trim();");
    }

    private static long propose(TestUser member, String city, String title) {
        var event = member.post("/api/events", EventsFixture.event(title, city, "2027-10-02T14:00",
                "2027-10-02T18:00", "Europe/Paris")).expect(201).object();
        assertEquals("proposed", event.getString("status"));
        return EventsFixture.id(event);
    }
}
