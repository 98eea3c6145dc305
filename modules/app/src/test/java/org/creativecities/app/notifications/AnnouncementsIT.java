package org.creativecities.app.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Announcements on the packaged server: an administrator's announcement to a creative field reaches the members of
 * that field's cities and nobody else, live over a real WebSocket, stored once each, and mailed (GreenMail) only to who
 * chose immediate mail for announcements; a coordinator announces to their own city and to nothing else; bad input
 * and repetition are refused with problem documents.
 */
@ExtendWith(SharedServer.class)
class AnnouncementsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("announce", "s3cret-smtp"));

    private static String cityIn(TestUser admin, TestCities cities, String name, String field) {
        var body = Json.createObjectBuilder().add("name", name + " " + System.nanoTime() % 1_000_000)
                .add("countryCode", "PT").add("joinPolicy", "OPEN");
        if (field != null) {
            body.add("designations", Json.createArrayBuilder().add(Api.json("field", field, "year", 2026)));
        }
        return cities.add(admin.post("/api/cities", body.build()).expect(201).object().getString("slug"), admin);
    }

    private static List<MimeMessage> to(TestUser who) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(who.email()))) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<JsonObject> announcementsOf(TestUser who, long id) {
        return Notified.items(who).stream().filter(n -> n.containsKey("announcement")
                && n.getJsonNumber("announcement").longValue() == id).toList();
    }

    private static JsonObject awaitDelivered(TestUser who, long id) {
        for (int i = 0; i < 150; i++) {
            JsonObject a = who.get("/api/announcements/" + id).expect(200).object();
            if ("delivered".equals(a.getString("status"))) {
                return a;
            }
            Notified.sleep(100);
        }
        throw new AssertionError("announcement " + id + " not delivered within 15 s");
    }

    @Test
    void aFieldAnnouncementReachesItsCitiesMembersLiveAndByTheirChoiceOfMail(PackagedServer server, Api api)
            throws Exception {
        TestUser admin = TestUser.admin(server);
        TestCities cities = new TestCities();
        String field = "announce-field-" + System.nanoTime();
        admin.post("/api/fields", Api.json("slug", field, "name", "Announce Field " + System.nanoTime(),
                "description", "For tests.", "since", 2026)).expect(201);
        String first = cityIn(admin, cities, "Heralda", field);
        String second = cityIn(admin, cities, "Heraldo", field);
        String outside = cityIn(admin, cities, "Quietown", null);
        TestUser ana = TestUser.register(api, "Ana Herald");
        TestUser ben = TestUser.register(api, "Ben Herald");
        TestUser dan = TestUser.register(api, "Dan Nomail");
        TestUser cat = TestUser.register(api, "Cat Outside");
        Rooms.members(admin, first, ana, dan);
        Rooms.members(admin, second, ben);
        Rooms.members(admin, outside, cat);
        ana.put("/api/me/preferences", Api.json("email", Api.json("announcement", "immediate"))).expect(200);
        dan.put("/api/me/preferences", Api.json("email", Api.json("announcement", "off"))).expect(200);
        String base = server.api().base().toString().replaceAll("/$", "");
        try (LiveClient live = LiveClient.open(ana)) {
            admin.put("/api/admin/mail", Api.json("host", "127.0.0.1", "port", SMTP.getSmtp().getPort(), "from",
                    "commons@example.org", "tls", "none", "username", "announce", "password", "s3cret-smtp",
                    "baseUrl", base)).expect(200);
            Api.Response sent = admin.post("/api/announcements", Api.json("audience", "field", "field", field,
                    "title", "Field gathering", "body", "**Come** to the gathering <script>alert(1)</script>"))
                    .expect(202);
            JsonObject a = sent.object();
            long id = a.getJsonNumber("id").longValue();
            assertEquals(3, a.getInt("recipients"), "ana, dan and ben are in the field's cities: " + a);

            JsonObject frame = live.await(f -> "notification".equals(f.getString("type"))
                    && "announcement".equals(f.getJsonObject("notification").getString("kind")));
            JsonObject note = frame.getJsonObject("notification");
            assertEquals(id, note.getJsonNumber("announcement").longValue());
            assertEquals("Field gathering", note.getString("announcementTitle"));
            assertEquals(admin.id(), note.getJsonNumber("actorId").longValue());
            assertTrue(frame.getInt("unread") >= 1, frame.toString());

            JsonObject done = awaitDelivered(admin, id);
            assertEquals(3, done.getInt("delivered"), done.toString());
            String html = done.getString("bodyHtml");
            assertTrue(html.contains("<strong>Come</strong>"), html);
            assertFalse(html.contains("<script"), html);
            for (TestUser in : List.of(ana, ben, dan)) {
                assertEquals(1, announcementsOf(in, id).size(), in.name() + " has it exactly once");
                assertEquals(id, in.get("/api/announcements/" + id).expect(200).object().getJsonNumber("id")
                        .longValue());
            }
            assertTrue(announcementsOf(cat, id).isEmpty(), "cat's city is not in the field");
            cat.get("/api/announcements/" + id).expect(404);
            assertTrue(cat.get("/api/announcements").expect(200).object().getJsonArray("items").stream()
                    .noneMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
            assertTrue(ben.get("/api/announcements").expect(200).object().getJsonArray("items").stream()
                    .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));

            assertTrue(SMTP.waitForIncomingEmail(15_000, 1));
            Notified.sleep(1000);
            MimeMessage mail = to(ana).get(0);
            assertTrue(mail.getSubject().contains("announces \"Field gathering\""), mail.getSubject());
            assertTrue(GreenMailUtil.getBody(mail).contains("**Come** to the gathering"), GreenMailUtil.getBody(mail));
            assertEquals(1, to(ana).size());
            assertTrue(to(ben).isEmpty(), "ben never chose mail");
            assertTrue(to(dan).isEmpty(), "dan turned announcement mail off");
            assertTrue(to(cat).isEmpty());
        } finally {
            admin.put("/api/admin/mail", Api.json("host", "")).expect(200);
            cities.retireAll();
        }
    }

    @Test
    void aCoordinatorAnnouncesToTheirOwnCityOnly(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestCities cities = new TestCities();
        String mine = cityIn(admin, cities, "Crierton", null);
        String theirs = cityIn(admin, cities, "Otherton", null);
        TestUser coco = TestUser.register(api, "Coco Crier");
        TestUser mia = TestUser.register(api, "Mia Listener");
        TestUser oli = TestUser.register(api, "Oli Elsewhere");
        Rooms.members(admin, mine, coco, mia);
        Rooms.members(admin, theirs, oli);
        admin.put("/api/cities/" + mine + "/members/" + coco.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        try {
            JsonObject refused = coco.post("/api/announcements", Api.json("audience", "city", "city", theirs,
                    "title", "Not yours", "body", "No.")).expect(403).object();
            assertFalse(refused.toString().contains("Exception"), refused.toString());
            coco.post("/api/announcements", Api.json("audience", "network", "title", "All", "body", "No."))
                    .expect(403);
            coco.post("/api/announcements", Api.json("audience", "field", "field", "music", "title", "All",
                    "body", "No.")).expect(403);
            mia.post("/api/announcements", Api.json("audience", "city", "city", mine, "title", "Me", "body", "No."))
                    .expect(403);
            api.post("/api/announcements", Api.json("audience", "city", "city", mine, "title", "Me", "body", "No."))
                    .expect(401);
            Api.Response bad = coco.post("/api/announcements", Api.json("audience", "city", "city", mine, "body",
                    "x".repeat(4001))).expect(400);
            assertEquals("application/problem+json", bad.header("Content-Type").orElse("").split(";")[0]);
            assertEquals(2, bad.object().getJsonArray("errors").size(), bad.body());
            coco.post("/api/announcements", Api.json("audience", "planet", "title", "T", "body", "B")).expect(400);

            long id = coco.post("/api/announcements", Api.json("audience", "city", "city", mine, "title",
                    "City news", "body", "The *square* opens.")).expect(202).object().getJsonNumber("id").longValue();
            JsonObject got = Notified.await(mia, n -> n.containsKey("announcement")
                    && n.getJsonNumber("announcement").longValue() == id);
            assertEquals(mine, got.getString("city"));
            assertEquals("city", got.getString("detail"));
            assertEquals(1, awaitDelivered(coco, id).getInt("delivered"), "mia only: the author is left out");
            assertTrue(announcementsOf(oli, id).isEmpty());
            assertTrue(announcementsOf(coco, id).isEmpty());

            for (int i = 1; i < 10; i++) {
                coco.post("/api/announcements", Api.json("audience", "city", "city", mine, "title", "News " + i,
                        "body", "More.")).expect(202);
            }
            Api.Response tooMany = coco.post("/api/announcements", Api.json("audience", "city", "city", mine,
                    "title", "Eleven", "body", "Too many.")).expect(429);
            assertTrue(tooMany.header("Retry-After").isPresent(), "429 says when to try again");
        } finally {
            cities.retireAll();
        }
    }
}
