package org.creativecities.app.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.creativecities.app.browser.Browser;
import org.creativecities.app.browser.BrowserLane;
import org.creativecities.app.browser.BrowserServer;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * A project's page in the browser: its goal, its cities on a small map and in a list, people with their expertise,
 * its next milestone, its works (title, authors, status) and upcoming events, a need with the person the directory
 * suggests, whom the lead invites with the page's button; the lead starts a work in the project's space from the
 * page; in French, a member of a city
 * starts a project with the list's form and asks to join another with its page's button; axe finds nothing on
 * either page. A lead approves a join request on the page; an invitee finds the invitation in the notification
 * centre (in French), follows it to the project and accepts it there; the page links to the project's rooms.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class ProjectsBrowserIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    @Test
    void theLeadSeesTheMatchesOfANeedAndInvitesOne(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Browsertown", "film");
        TestUser lead = fixture.member(city, "Bruno Lead");
        lead.patch("/api/people/" + lead.id(), Api.json("expertise", Json.createArrayBuilder().add("Producer")
                .build())).expect(200);
        TestUser designer = TestUser.register(api, "Dana Designer");
        designer.patch("/api/people/" + designer.id(), Api.json("expertise", Json.createArrayBuilder()
                .add("Design sonore").build())).expect(200);
        JsonObject project = lead.post("/api/projects", ProjectsIT.project("River cities film", city)).expect(201)
                .object();
        long id = ProjectsIT.id(project);
        long space = project.getJsonNumber("space").longValue();
        long script = lead.post("/api/works", Api.json("kind", "text", "title", "Quay script", "content", "Notes.",
                "spaceId", space, "open", true)).expect(201).object().getJsonNumber("id").longValue();
        String soon = LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        TestUser.admin(server).post("/api/events", EventsFixture.event("Quay screening", city, soon + "T18:00",
                soon + "T20:00", "Europe/Paris", "space", space)).expect(201);
        lead.post("/api/projects/" + id + "/needs", Api.json("skill", "Sound designer")).expect(201);
        lead.post("/api/projects/" + id + "/milestones", Api.json("title", "Shooting", "date", "2098-04-01"))
                .expect(201);

        try (Browser b = Browser.open(server)) {
            b.useToken(lead.token()).go("/projects/" + id);
            b.findWithText("[data-testid=project-goal]", "river cities");
            b.findWithText("[data-testid=project-member]", "producer");
            b.findWithText("[data-testid=project-next-milestone]", "Shooting");
            b.find("[data-testid=project-page] [data-testid=world-map] [data-testid=map-dot][data-slug='" + city
                    + "']");
            b.findWithText("[data-testid=project-cities] li[data-slug='" + city + "'] a", "Browsertown");
            String work = "[data-testid=project-work][data-id='" + script + "']";
            b.findWithText(work, "Quay script");
            b.findWithText(work, "Bruno Lead");
            b.findWithText(work + " [data-testid=project-work-status]", "draft");
            b.findWithText("[data-testid=project-event]", "Quay screening");
            String match = "[data-testid=project-match][data-id='" + designer.id() + "']";
            b.findWithText(match, "design sonore");
            assertEquals(List.of(), b.axe(), "axe on a project's page");
            b.click(match + " [data-testid=project-invite]");
            b.findWithText("[data-testid=project-status]", "Invitation sent");
            b.findWithText("[data-testid=project-member][data-id='" + designer.id() + "']", "invited");
            b.findWithText(match + " [data-testid=project-match-state]", "invited");
            assertEquals(List.of(), b.all(match + " [data-testid=project-invite]"), "invited once");

            b.type("[data-testid=project-work-form] input[name=title]", "Harbour notes");
            b.click("[data-testid=project-work-form] button[type=submit]");
            b.findWithText("h1", "Harbour notes");
        }
        assertEquals(List.of("Harbour notes", "Quay script"), lead.get("/api/works?space=" + space).expect(200)
                .object().getJsonArray("items").stream().map(w -> w.asJsonObject().getString("title")).toList(),
                "the work started on the page is the project's");
        TestUser joiner = fixture.member(city, "Jade Joiner");
        try (Browser b = Browser.open(server, "fr")) {
            b.useToken(joiner.token()).go("/");
            b.findWithText(".site-nav a[href='/projects']", "Projets").click();
            b.findWithText("[data-testid=projects-page] h1", "Projets");
            b.findWithText("[data-testid=project-item][data-id='" + id + "']", "Prochaine étape");
            assertEquals(List.of(), b.axe(), "axe on the list of projects");
            b.type("[data-testid=project-form] input[name=title]", "Ponts et quais");
            b.type("[data-testid=project-form] textarea[name=goal]", "Un atlas des quais.");
            new Select(b.find("[data-testid=project-form] select[name=city]")).selectByValue(city);
            b.click("[data-testid=project-form] button[type=submit]");
            b.findWithText("[data-testid=project-page] h1", "Ponts et quais");
            b.findWithText("[data-testid=project-member]", "Responsable");
            b.findWithText("#project-cities", "Villes");
            b.findWithText("#project-events", "Événements à venir");
            b.findWithText("[data-testid=project-work-form]", "Commencer une œuvre");
            b.go("/projects/" + id);
            b.click("[data-testid=project-join]");
            b.findWithText("[data-testid=project-status]", "Votre demande a été envoyée");
        }
        assertEquals("invited", designer.get("/api/projects/" + id + "/members").expect(200).object()
                .getJsonArray("items").stream().map(m -> m.asJsonObject())
                .filter(m -> m.getJsonNumber("accountId").longValue() == designer.id()).findFirst().orElseThrow()
                .getString("state"));
        assertEquals("requested", joiner.get("/api/projects/" + id).expect(200).object().getString("myState"));
    }

    @Test
    void theLeadApprovesARequestAndTheInviteeAcceptsFromTheNotificationCentre(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Answertown", "film");
        TestUser lead = fixture.member(city, "Ana Lead");
        TestUser asker = TestUser.register(api, "Abe Asker");
        TestUser invitee = TestUser.register(api, "Ines Invitee");
        long id = ProjectsIT.id(lead.post("/api/projects", ProjectsIT.project("Quays atlas", city)).expect(201)
                .object());
        String members = "/api/projects/" + id + "/members";
        asker.post(members, Api.json()).expect(201);
        lead.post(members, Api.json("accountId", invitee.id())).expect(201);

        try (Browser b = Browser.open(server)) {
            b.useToken(lead.token()).go("/projects/" + id);
            String row = "[data-testid=project-member][data-id='" + asker.id() + "']";
            b.findWithText(row, "asked to join");
            b.findWithText("[data-testid=project-room]", "general");
            b.find(row + " [data-testid=project-approve]");
            assertEquals(List.of(), b.axe(), "axe on a project's page with a request to decide");
            b.click(row + " [data-testid=project-approve]");
            b.findWithText("[data-testid=project-status]", "Request approved");
            b.waitGone(row + " [data-testid=project-approve]");
        }
        try (Browser b = Browser.open(server, "fr")) {
            b.useToken(invitee.token()).go("/notifications");
            String note = "[data-testid=notification][data-kind=project-invitation]";
            b.findWithText(note, "Ana Lead vous invite à rejoindre Quays atlas");
            b.click(note + " a[href='/projects/" + id + "']");
            b.findWithText("[data-testid=project-invitation]", "Vous êtes invité·e");
            assertEquals(List.of(), b.axe(), "axe on a project's page with an invitation to answer");
            b.click("[data-testid=project-accept]");
            b.findWithText("[data-testid=project-status]", "Invitation acceptée");
            b.waitGone("[data-testid=project-invitation]");
        }
        assertEquals("active", asker.get("/api/projects/" + id).expect(200).object().getString("myState"));
        assertEquals("active", invitee.get("/api/projects/" + id).expect(200).object().getString("myState"));
        assertEquals(List.of("project-invitation-answer", "project-join-request"), kindsOf(lead, 2),
                "the lead heard of the request and of the invitation's answer");
    }

    /** The kinds of the person's notifications, newest first, once there are {@code count} (they come just after). */
    private static List<String> kindsOf(TestUser who, int count) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            List<String> kinds = who.get("/api/me/notifications").expect(200).object().getJsonArray("items").stream()
                    .map(n -> n.asJsonObject().getString("kind")).toList();
            if (kinds.size() >= count || System.nanoTime() > deadline) {
                return kinds;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return kinds;
            }
        }
    }
}
