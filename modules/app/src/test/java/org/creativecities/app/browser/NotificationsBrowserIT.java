package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The header's bell with a live unread count, the notification centre and "my rooms", and the admin console's mail
 * section, in English and French.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class NotificationsBrowserIT {

    @Test
    void theBellCountsLiveAndTheCentreAndMyRoomsShowWhatIsNew(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestCities cities = new TestCities();
        String city = cities.add(admin.post("/api/cities", Api.json("name", "Bellville " + System.nanoTime()
                % 1_000_000, "countryCode", "PT", "joinPolicy", "OPEN")).expect(201).object().getString("slug"), admin);
        try {
            TestUser nia = TestUser.register(api, "Nia Ringer");
            TestUser oto = TestUser.register(api, "Oto Listener");
            Rooms.members(admin, city, nia, oto);
            long room = Rooms.generalRoom(nia, city);
            try (LiveClient o = LiveClient.open(oto)) {
                o.send(Rooms.join(room, null, "j")).reply("j");
            }
            try (Browser b = Browser.open(server).useToken(oto.token())) {
                b.go("/");
                b.find("[data-testid=notification-bell]");
                try (LiveClient n = LiveClient.open(nia)) {
                    n.send(Rooms.join(room, null, "j")).reply("j");
                    n.send(Rooms.post(room, "m1", "Ring @[" + oto.id() + "]")).reply("f-m1");
                    n.send(Rooms.post(room, "m2", "And more news")).reply("f-m2");
                }
                b.findWithText("[data-testid=notification-count]", "1");
                b.click("[data-testid=notification-bell]");
                b.until("the notification centre", d -> b.path().equals("/notifications"));
                b.findWithText("[data-testid=notification]", "Nia Ringer mentioned you in general");
                assertEquals(List.of(), b.axe(), "axe on /notifications");
                b.click("[data-testid=mark-all]");
                b.waitGone("[data-testid=notification-count]");

                b.click("[data-testid=my-rooms-link]");
                b.until("my rooms", d -> b.path().equals("/my-rooms"));
                b.findWithText("[data-testid=my-room][data-room='" + room + "'] [data-testid=room-unread]",
                        "2 new messages");
                assertEquals(List.of(), b.axe(), "axe on /my-rooms");
                b.click("[data-testid=my-room][data-room='" + room + "'] [data-testid=room-mark-read]");
                b.findWithText("[data-testid=my-room][data-room='" + room + "']", "Up to date");
            }
            try (Browser fr = Browser.open(server, "fr-FR").useToken(oto.token())) {
                fr.go("/my-rooms");
                fr.findWithText("h1", "Mes salons");
                fr.findWithText("[data-testid=my-room]", "À jour");
                fr.go("/notifications");
                fr.findWithText("[data-testid=notification]", "Nia Ringer vous a mentionné dans general");
                assertEquals(List.of(), fr.axe(), "axe on /notifications in French");
            }
        } finally {
            cities.retireAll();
        }
    }

    @Test
    void theAdminConsoleSetsTheMailServerWithFieldErrorsAndNeverShowsThePassword(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        admin.put("/api/admin/mail", Api.json("host", "")).expect(200);
        try (Browser b = Browser.open(server).useToken(admin.token())) {
            b.go("/admin/mail");
            b.findWithText("[data-testid=admin-nav-mail][aria-current=page]", "Mail");
            b.findWithText("[data-testid=mail-status][data-status=not-configured]",
                    "only in-app notifications are kept");
            assertTrue(b.find("[data-testid=admin-mail-send-digests]").getAttribute("disabled") != null,
                    "no digests without a server");
            assertEquals(List.of(), b.axe(), "axe on /admin/mail, not configured");

            // Two wrong fields at once: both are marked, nothing is saved.
            b.type("[data-testid=admin-mail-host]", "127.0.0.1");
            b.type("[data-testid=admin-mail-port]", "99999");
            b.type("[data-testid=admin-mail-from]", "not an address");
            press(b, "[data-testid=admin-mail-save]");
            b.findWithText("[data-testid=admin-mail-port-error]", "between 1 and 65535");
            b.findWithText("[data-testid=admin-mail-from-error]", "Enter an email address");
            assertEquals("true", b.find("[data-testid=admin-mail-port]").getAttribute("aria-invalid"));
            b.find("[data-testid=mail-status][data-status=not-configured]");
            assertEquals(List.of(), b.axe(), "axe on /admin/mail with field errors");

            // Corrected (port 2 on the loopback: refused at once, should a digest try it), with a password.
            b.type("[data-testid=admin-mail-port]", "2");
            b.type("[data-testid=admin-mail-from]", "commons@example.org");
            new Select(b.find("[data-testid=admin-mail-tls]")).selectByValue("none");
            b.type("[data-testid=admin-mail-username]", "notify");
            b.type("[data-testid=admin-mail-password]", "s3cret-console");
            press(b, "[data-testid=admin-mail-save]");
            b.findWithText("[data-testid=mail-status][data-status=configured]", "127.0.0.1");
            b.findWithText("#admin-mail-password-hint", "A password is saved");
            assertEquals("", b.find("[data-testid=admin-mail-password]").getAttribute("value"));
            assertFalse(((String) b.js("return document.documentElement.outerHTML + JSON.stringify("
                    + "[...document.querySelectorAll('input')].map(i => i.value))")).contains("s3cret-console"),
                    "the password is never shown back");
            var saved = admin.get("/api/admin/mail").expect(200).object();
            assertEquals("none", saved.getString("tls"));
            assertTrue(saved.getBoolean("passwordSet"));
            assertEquals(2, saved.getInt("port"));

            press(b, "[data-testid=admin-mail-send-digests]");
            b.findWithText("[data-testid=admin-mail-digest-result]", "Daily digest:");
            assertEquals(List.of(), b.axe(), "axe on /admin/mail, configured");
        }
        try (Browser fr = Browser.open(server, "fr-FR").useToken(admin.token())) {
            fr.go("/admin/mail");
            fr.findWithText("[data-testid=admin-nav-mail]", "Courriel");
            fr.findWithText("[data-testid=mail-status][data-status=configured]", "Le courriel est activé");
            fr.type("[data-testid=admin-mail-baseUrl]", "ftp://nowhere");
            press(fr, "[data-testid=admin-mail-save]");
            fr.findWithText("[data-testid=admin-mail-baseUrl-error]", "Saisissez l’adresse publique du site");
            fr.findWithText("[data-testid=admin-mail-error]", "corrigez les champs");
            assertEquals(List.of(), fr.axe(), "axe on /admin/mail in French");
            // Corrected, and the saved password removed.
            fr.type("[data-testid=admin-mail-baseUrl]", server.baseUri().toString().replaceAll("/$", ""));
            press(fr, "[data-testid=admin-mail-remove-password]");
            press(fr, "[data-testid=admin-mail-save]");
            fr.findWithText("#admin-mail-password-hint", "Aucun mot de passe n’est enregistré");
            assertFalse(admin.get("/api/admin/mail").expect(200).object().getBoolean("passwordSet"));
            // An empty host turns email off.
            fr.find("[data-testid=admin-mail-host]").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            press(fr, "[data-testid=admin-mail-save]");
            fr.findWithText("[data-testid=mail-status][data-status=not-configured]",
                    "seules les notifications dans l’application sont conservées");
        } finally {
            admin.put("/api/admin/mail", Api.json("host", "")).expect(200);
        }
    }

    @Test
    void anAdministratorWritesAnAnnouncementToACityInFrench(PackagedServer server, Api api)
            throws InterruptedException {
        TestUser admin = TestUser.admin(server);
        TestCities cities = new TestCities();
        String city = cities.add(admin.post("/api/cities", Api.json("name", "Annonceville " + System.nanoTime()
                % 1_000_000, "countryCode", "FR", "joinPolicy", "OPEN")).expect(201).object().getString("slug"), admin);
        TestUser lea = TestUser.register(api, "Léa Lectrice");
        Rooms.members(admin, city, lea);
        try (Browser fr = Browser.open(server, "fr-FR").useToken(admin.token())) {
            fr.go("/admin/announcements");
            fr.findWithText("[data-testid=admin-nav-announcements][aria-current=page]", "Annonces");
            new Select(fr.find("[data-testid=announce-audience]")).selectByValue("city");
            fr.type("[data-testid=announce-city]", city);
            fr.type("[data-testid=announce-body]", "La **place** ouvre samedi.");
            press(fr, "[data-testid=announce-send]");
            fr.findWithText("[data-testid=announce-title-error]", "Donnez-lui un titre");
            assertEquals("true", fr.find("[data-testid=announce-title]").getAttribute("aria-invalid"));
            assertEquals(List.of(), fr.axe(), "axe on /admin/announcements with an error");
            fr.type("[data-testid=announce-title]", "Fête de la place");
            press(fr, "[data-testid=announce-send]");
            fr.findWithText("[data-testid=announce-item]", "Fête de la place");
            assertEquals(List.of(), fr.axe(), "axe on /admin/announcements after sending");
        } finally {
            cities.retireAll();
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        boolean received = false;
        while (!received && System.nanoTime() < deadline) {
            received = lea.get("/api/me/notifications?size=5").expect(200).object().getJsonArray("items").stream()
                    .anyMatch(v -> "Fête de la place".equals(v.asJsonObject().getString("announcementTitle", "")));
            Thread.sleep(received ? 0 : 200);
        }
        assertTrue(received, "the city's member received it");
    }

    /** Clears toasts (they may cover buttons), scrolls the target to the middle and clicks it. */
    private static void press(Browser b, String css) {
        b.js("document.querySelectorAll('.toast').forEach(t => t.remove())");
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.find(css));
        b.click(css);
    }
}
