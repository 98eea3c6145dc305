package org.creativecities.app.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Notification mail through a real SMTP server (GreenMail, in this JVM) that the running shared server is pointed
 * at by the mail administration API: immediate mail and the digest reach who chose them and nobody else, the
 * one-click unsubscribe link works, without a server nothing is mailed, and each mail is in its recipient's language
 * (chosen in the preferences, else taken from the profile's languages).
 */
@ExtendWith(SharedServer.class)
class NotificationMailIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notify", "s3cret-smtp"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static void mention(TestUser author, long room, String id, TestUser... people) {
        StringBuilder text = new StringBuilder("Mail check " + id);
        for (TestUser p : people) {
            text.append(" @[").append(p.id()).append(']');
        }
        try (LiveClient c = LiveClient.open(author)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            c.send(Rooms.post(room, id, text.toString())).reply("f-" + id);
        }
    }

    private static List<MimeMessage> to(TestUser who) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString()
                    .equalsIgnoreCase(who.email()))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The first mail to this person, waiting up to 15 s for it to arrive. */
    private static MimeMessage awaitMailTo(TestUser who) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        List<MimeMessage> mails = to(who);
        while (mails.isEmpty() && System.nanoTime() < deadline) {
            SMTP.waitForIncomingEmail(500, SMTP.getReceivedMessages().length + 1);
            mails = to(who);
        }
        assertFalse(mails.isEmpty(), "a mail to " + who.email() + " within 15 s");
        return mails.get(0);
    }

    /** Points the server's mail at this test's GreenMail, with a login. */
    private static JsonObject useGreenMail(TestUser admin, String base) {
        return admin.put("/api/admin/mail", Api.json("host", "127.0.0.1", "port", SMTP.getSmtp().getPort(), "from",
                "commons@example.org", "tls", "none", "username", "notify", "password", "s3cret-smtp",
                "baseUrl", base)).expect(200).object();
    }

    @Test
    void mailReachesWhoChoseItWithAWorkingOneClickUnsubscribe(PackagedServer server, Api api) throws Exception {
        TestUser admin = TestUser.admin(server);
        TestCities cities = new TestCities();
        String city = Notified.newCity(admin, cities, "Mailham");
        TestUser nia = TestUser.register(api, "Nia Mailer");
        TestUser xia = TestUser.register(api, "Xia Immediate");
        TestUser yan = TestUser.register(api, "Yan Nomail");
        TestUser zed = TestUser.register(api, "Zed Digest");
        Rooms.members(admin, city, nia, xia, yan, zed);
        long room = Rooms.generalRoom(nia, city);
        xia.put("/api/me/preferences", Api.json("email", Api.json("mention", "immediate"))).expect(200);
        zed.put("/api/me/preferences", Api.json("email", Api.json("mention", "digest"), "digest", "daily"))
                .expect(200);
        try {
            assertEquals("not-configured", admin.put("/api/admin/mail", Api.json("host", "")).expect(200).object()
                    .getString("status"));
            mention(nia, room, "m0", xia);
            Notified.await(xia, Notified.kind("mention"));
            Notified.sleep(1000);
            assertEquals(0, SMTP.getReceivedMessages().length, "no server set: in-app only");

            String base = server.api().base().toString().replaceAll("/$", "");
            JsonObject set = useGreenMail(admin, base);
            assertEquals("configured", set.getString("status"));
            assertTrue(set.getBoolean("passwordSet"));
            JsonObject shown = admin.get("/api/admin/mail").expect(200).object();
            assertFalse(shown.toString().contains("s3cret"), "the password is never shown: " + shown);
            admin.put("/api/admin/mail", Api.json("host", "127.0.0.1", "from", "not an address", "baseUrl", base))
                    .expect(400);
            nia.get("/api/admin/mail").expect(403);

            mention(nia, room, "m1", xia, yan, zed);
            awaitMailTo(xia);
            Notified.sleep(1000);
            // Only xia wanted mail at once. Zed may already have a digest: the timer's first run (see below).
            assertEquals(1, to(xia).size(), "xia's mention, once");
            assertTrue(to(yan).isEmpty(), "yan chose no email");
            for (MimeMessage m : to(zed)) {
                assertTrue(m.getSubject().contains("daily digest"), "zed gets digests only: " + m.getSubject());
            }
            assertTrue(to(nia).isEmpty(), "the author is not told of her own mention");
            MimeMessage now = to(xia).get(0);
            assertTrue(now.getSubject().contains("Nia Mailer mentioned you"), now.getSubject());
            assertTrue(GreenMailUtil.getBody(now).contains("Mail check m1"), GreenMailUtil.getBody(now));
            assertEquals("List-Unsubscribe=One-Click", now.getHeader("List-Unsubscribe-Post")[0]);
            String link = now.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
            assertTrue(link.startsWith(base + "/mail/unsubscribe.html?token="), link);

            // The digest timer's first run (a minute after the start) may claim zed's row first: then it sends the
            // digest and the administrator's run counts zed as not its own. Zed gets one digest either way.
            JsonObject run = admin.post("/api/admin/mail/digest?frequency=daily", null).expect(200).object();
            assertTrue(run.getInt("people") >= run.getInt("sent"), run.toString());
            MimeMessage digest = awaitMailTo(zed);
            assertEquals(1, to(zed).size(), "one digest, from whichever run claimed it");
            assertTrue(digest.getSubject().contains("daily digest"), digest.getSubject());
            assertTrue(GreenMailUtil.getBody(digest).contains("Nia Mailer mentioned you"));
            assertTrue(to(yan).isEmpty(), "yan chose no email");
            int before = SMTP.getReceivedMessages().length;
            admin.post("/api/admin/mail/digest?frequency=daily", null).expect(200);
            assertEquals(before, SMTP.getReceivedMessages().length, "nothing new since zed's last digest");

            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<form method=\"post\""), page.body());
            assertEquals("immediate", xia.get("/api/me/preferences").expect(200).object().getJsonObject("email")
                    .getString("mention"), "showing the page changes nothing");
            HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, done.statusCode(), done.body());
            assertEquals("off", xia.get("/api/me/preferences").expect(200).object().getJsonObject("email")
                    .getString("mention"));
            String forged = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(forged)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            mention(nia, room, "m2", xia);
            Notified.sleep(1500);
            assertEquals(1, to(xia).size(), "xia unsubscribed: no more mail");
        } finally {
            admin.put("/api/admin/mail", Api.json("host", "")).expect(200);
            cities.retireAll();
        }
    }

    @Test
    void aFrenchSpeakingRecipientGetsFrenchMail(PackagedServer server, Api api) throws Exception {
        TestUser admin = TestUser.admin(server);
        TestCities cities = new TestCities();
        String city = Notified.newCity(admin, cities, "Courrielville");
        TestUser nia = TestUser.register(api, "Nia Mailer");
        TestUser fei = TestUser.register(api, "Fei Francophone");
        TestUser gil = TestUser.register(api, "Gil Bilingue");
        TestUser eli = TestUser.register(api, "Eli English");
        Rooms.members(admin, city, nia, fei, gil, eli);
        long room = Rooms.generalRoom(nia, city);
        // Fei's profile speaks French only; Gil's speaks both but Gil chose French for mail (digest, weekly); Eli's
        // speaks both and chose nothing: English.
        fei.patch("/api/people/" + fei.id(), Api.json("languages", List.of("fr"))).expect(200);
        gil.patch("/api/people/" + gil.id(), Api.json("languages", List.of("en", "fr"))).expect(200);
        eli.patch("/api/people/" + eli.id(), Api.json("languages", List.of("fr", "en"))).expect(200);
        assertEquals("profile", fei.put("/api/me/preferences", Api.json("email", Api.json("mention", "immediate")))
                .expect(200).object().getString("language"));
        assertEquals("fr", gil.put("/api/me/preferences", Api.json("email", Api.json("mention", "digest"),
                "digest", "weekly", "language", "fr")).expect(200).object().getString("language"));
        eli.put("/api/me/preferences", Api.json("email", Api.json("mention", "immediate"))).expect(200);
        gil.put("/api/me/preferences", Api.json("language", "de")).expect(400);
        String base = server.api().base().toString().replaceAll("/$", "");
        try {
            useGreenMail(admin, base);
            mention(nia, room, "fr1", fei, gil, eli);
            assertTrue(SMTP.waitForIncomingEmail(15_000, 2));

            MimeMessage french = to(fei).get(0);
            assertEquals("[Creative Cities Commons] Nia Mailer vous a mentionné dans « general »",
                    french.getSubject());
            String body = french.getContent().toString();
            assertTrue(body.contains("Mail check fr1"), body);
            assertTrue(body.contains("Se désabonner en un clic : " + base + "/mail/unsubscribe.html?token="), body);
            assertEquals("fr", french.getContentLanguage()[0]);
            MimeMessage english = to(eli).get(0);
            assertTrue(english.getSubject().endsWith("Nia Mailer mentioned you in \"general\""),
                    english.getSubject());
            assertEquals("en", english.getContentLanguage()[0]);

            // Gil's weekly digest is due from the start (never sent), so the digest timer may claim it while the
            // administrator's run is asked for: one of the two runs sends it, once, and the other skips the claimed
            // row. Either way it arrives; which run sends it is not this test's question.
            admin.post("/api/admin/mail/digest?frequency=weekly", null).expect(200);
            MimeMessage digest = awaitMailTo(gil);
            assertEquals("[Creative Cities Commons] Votre résumé hebdomadaire (1)", digest.getSubject());
            String digestText = digest.getContent().toString();
            assertTrue(digestText.startsWith("Votre résumé hebdomadaire : 1 notification."), digestText);
            assertTrue(digestText.contains("Nia Mailer vous a mentionné dans « general »"), digestText);
        } finally {
            admin.put("/api/admin/mail", Api.json("host", "")).expect(200);
            cities.retireAll();
        }
    }
}
