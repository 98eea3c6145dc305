package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The header's bell with a live unread count, the notification centre and "my rooms", in English and French. */
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
}
