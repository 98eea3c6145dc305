package org.creativecities.app.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.creativecities.app.events.EventsFixture;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Events I answered, starting soon": an occurrence within the lead time (60 minutes by default) reminds whoever
 * answered going or interested, stored, live over /ws and by mail to who chose it; nobody else, nothing for an
 * occurrence further away, and a second run reminds nobody twice. The administrators' "run now" stands in for the
 * minute timer, which keeps its state in the database.
 */
@ExtendWith(SharedServer.class)
class EventStartingSoonIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("remind", "s3cret-remind"));

    private static final String KIND = "event-starting-soon";

    private static String local(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static long count(TestUser who, long event) {
        return Notified.items(who).stream().filter(n -> KIND.equals(n.getString("kind"))
                && n.getJsonNumber("event").longValue() == event).count();
    }

    private static List<MimeMessage> to(TestUser who) throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(who.email()));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void whoAnsweredHearsOnceLiveStoredAndByMail(PackagedServer server, Api api) throws Exception {
        TestUser admin = TestUser.admin(server);
        EventsFixture fixture = new EventsFixture(admin, api);
        String city = fixture.city("Soonville", "design");
        TestUser coordinator = fixture.coordinator(city, "Cleo Soon");
        TestUser gus = TestUser.register(api, "Gus Going");
        TestUser ivy = TestUser.register(api, "Ivy Interested");
        TestUser nat = TestUser.register(api, "Nat Notgoing");
        TestUser lea = TestUser.register(api, "Lea Later");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long soon = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Soon salon", city,
                local(now.plusMinutes(30)), local(now.plusMinutes(150)), "Etc/UTC")).expect(201).object());
        long later = EventsFixture.id(coordinator.post("/api/events", EventsFixture.event("Later salon", city,
                local(now.plusHours(3)), local(now.plusHours(5)), "Etc/UTC")).expect(201).object());
        String base = server.api().base().toString().replaceAll("/$", "");
        try {
            admin.put("/api/admin/mail", Api.json("host", "127.0.0.1", "port", SMTP.getSmtp().getPort(), "from",
                    "commons@example.org", "tls", "none", "username", "remind", "password", "s3cret-remind",
                    "baseUrl", base)).expect(200);
            gus.put("/api/me/preferences", Api.json("email", Api.json(KIND, "immediate"))).expect(200);
            gus.post("/api/admin/events/reminders", null).expect(403);
            api.post("/api/admin/events/reminders", null).expect(401);
            try (LiveClient live = LiveClient.open(gus)) {
                gus.put("/api/events/" + soon + "/rsvp", Api.json("status", "going")).expect(200);
                ivy.put("/api/events/" + soon + "/rsvp", Api.json("status", "interested")).expect(200);
                nat.put("/api/events/" + soon + "/rsvp", Api.json("status", "not_going")).expect(200);
                lea.put("/api/events/" + later + "/rsvp", Api.json("status", "going")).expect(200);
                JsonObject run = admin.post("/api/admin/events/reminders", null).expect(200).object();
                assertTrue(run.getInt("occurrences") >= 1, run.toString());

                JsonObject frame = live.await(f -> f.getString("type").equals("notification")
                        && f.getJsonObject("notification").getString("kind").equals(KIND));
                JsonObject note = frame.getJsonObject("notification");
                assertEquals(soon, note.getJsonNumber("event").longValue());
                assertEquals("Soon salon", note.getString("eventTitle"));
                OffsetDateTime start = OffsetDateTime.parse(note.getString("eventStart"));
                assertEquals(now.plusMinutes(30).truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC)
                        .toInstant(), start.toInstant());
            }
            Notified.await(gus, n -> KIND.equals(n.getString("kind")));
            Notified.await(ivy, n -> KIND.equals(n.getString("kind")));
            assertTrue(SMTP.waitForIncomingEmail(15_000, 1));
            MimeMessage mail = to(gus).get(0);
            assertTrue(mail.getSubject().contains("\"Soon salon\" starts soon"), mail.getSubject());

            admin.post("/api/admin/events/reminders", null).expect(200);
            Notified.sleep(1000);
            assertEquals(1, count(gus, soon), "once per person and occurrence");
            assertEquals(1, count(ivy, soon));
            assertEquals(1, to(gus).size(), "one mail");
            assertTrue(to(ivy).isEmpty(), "ivy chose no mail");
            assertTrue(Notified.items(nat).stream().noneMatch(n -> KIND.equals(n.getString("kind"))), "not going");
            assertTrue(Notified.items(lea).stream().noneMatch(n -> KIND.equals(n.getString("kind"))),
                    "the later event is beyond the lead time");
        } finally {
            admin.put("/api/admin/mail", Api.json("host", "")).expect(200);
            fixture.cities.retireAll();
        }
    }
}
