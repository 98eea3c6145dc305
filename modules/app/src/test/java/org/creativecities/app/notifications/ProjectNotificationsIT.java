package org.creativecities.app.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A project's join requests and invitations in the notification centre, on the packaged server: a request reaches
 * every lead live over /ws, its answer the person who asked; an invitation reaches the invitee, its answer (accepted
 * or declined, by a decision or by leaving) the leads; nobody hears of their own step, and nobody else hears of it.
 */
@ExtendWith(SharedServer.class)
class ProjectNotificationsIT {

    private EventsFixture fixture;

    @AfterEach
    void retireTheTestCities() {
        if (fixture != null) {
            fixture.cities.retireAll();
        }
    }

    private static Predicate<JsonObject> notification(String kind, long project) {
        return f -> "notification".equals(f.getString("type")) && kind.equals(f.getJsonObject("notification")
                .getString("kind")) && f.getJsonObject("notification").getJsonNumber("project").longValue() == project;
    }

    private static List<String> kinds(TestUser who) {
        return Notified.items(who).stream().map(n -> n.getString("kind") + ":" + n.getString("detail", "-")
                + ":" + n.getString("actorName", "-")).toList();
    }

    @Test
    void requestsAndInvitationsAndTheirAnswersReachTheRightPeopleLive(PackagedServer server, Api api) {
        fixture = new EventsFixture(TestUser.admin(server), api);
        String city = fixture.city("Notiproject", "film");
        TestUser lead = fixture.member(city, "Lia Lead");
        TestUser joiner = TestUser.register(api, "Jon Joiner");
        TestUser guest = TestUser.register(api, "Gia Guest");
        TestUser yes = TestUser.register(api, "Yan Yes");
        TestUser late = TestUser.register(api, "Lou Late");
        long id = lead.post("/api/projects", Api.json("title", "Bridges <and> quays", "goal", "An atlas.",
                "cities", Json.createArrayBuilder().add(city).build())).expect(201).object().getJsonNumber("id")
                .longValue();
        String members = "/api/projects/" + id + "/members";

        try (LiveClient leadLive = LiveClient.open(lead); LiveClient joinerLive = LiveClient.open(joiner);
             LiveClient guestLive = LiveClient.open(guest)) {
            // A join request reaches the lead live, naming the project and the person who asks.
            joiner.post(members, Api.json()).expect(201);
            JsonObject asked = leadLive.await(notification("project-join-request", id));
            JsonObject note = asked.getJsonObject("notification");
            assertEquals(joiner.id(), note.getJsonNumber("actorId").longValue());
            assertEquals("Jon Joiner", note.getString("actorName"));
            assertEquals("Bridges <and> quays", note.getString("projectTitle"));
            assertEquals(1, asked.getInt("unread"));

            // The lead's approval reaches the person who asked.
            lead.patch(members + "/" + joiner.id(), Api.json("decision", "approve")).expect(200);
            JsonObject answer = joinerLive.await(notification("project-join-answer", id)).getJsonObject(
                    "notification");
            assertEquals("approved", answer.getString("detail"));
            assertEquals(lead.id(), answer.getJsonNumber("actorId").longValue());

            // An invitation reaches the invitee live; declining it reaches the lead.
            lead.post(members, Api.json("accountId", guest.id())).expect(201);
            assertEquals("Lia Lead", guestLive.await(notification("project-invitation", id))
                    .getJsonObject("notification").getString("actorName"));
            guest.patch(members + "/" + guest.id(), Api.json("decision", "decline")).expect(204);
            assertEquals("refused", leadLive.await(notification("project-invitation-answer", id))
                    .getJsonObject("notification").getString("detail"));
            Notified.sleep(300);
            assertTrue(joinerLive.frames("notification").stream().noneMatch(notification("project-invitation", id)),
                    "an invitation goes to the invitee alone: " + joinerLive.frames("notification"));
        }

        // An invitation accepted by asking to join reaches the leads, both of them now.
        lead.patch(members + "/" + joiner.id(), Api.json("role", "lead")).expect(200);
        joiner.post(members, Api.json("accountId", yes.id())).expect(201);
        Notified.await(yes, Notified.kind("project-invitation"));
        yes.post(members, Api.json()).expect(200);
        Notified.await(lead, n -> n.getString("kind").equals("project-invitation-answer")
                && n.getString("detail").equals("accepted"));
        Notified.await(joiner, Notified.kind("project-invitation-answer"));

        // A request removed by a lead is declined: the person hears of it, the other lead does not.
        late.post(members, Api.json()).expect(201);
        Notified.await(joiner, Notified.kind("project-join-request"));
        Notified.await(lead, n -> n.getString("kind").equals("project-join-request")
                && n.getJsonNumber("actorId").longValue() == late.id());
        lead.delete(members + "/" + late.id()).expect(204);
        JsonObject declined = Notified.await(late, Notified.kind("project-join-answer"));
        assertEquals("declined", declined.getString("detail"));
        assertEquals("Bridges <and> quays", declined.getString("projectTitle"));
        assertEquals(id, declined.getJsonNumber("project").longValue());
        Notified.sleep(500);

        assertEquals(List.of("project-join-request:-:Lou Late", "project-invitation-answer:accepted:Yan Yes",
                "project-invitation-answer:refused:Gia Guest", "project-join-request:-:Jon Joiner"), kinds(lead));
        assertEquals(List.of("project-join-request:-:Lou Late", "project-invitation-answer:accepted:Yan Yes",
                "project-join-answer:approved:Lia Lead"), kinds(joiner),
                "a lead hears of requests and of invitations' answers, not of another lead's decision");
        assertEquals(List.of("project-invitation:-:Lia Lead"), kinds(guest));
        assertEquals(List.of("project-invitation:-:Jon Joiner"), kinds(yes));
        assertEquals(List.of("project-join-answer:declined:Lia Lead"), kinds(late));
    }
}
