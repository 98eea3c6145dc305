package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Mentions (live frame and unread list) and safe rendering of message text, on the packaged server. */
@ExtendWith(SharedServer.class)
class MentionsIT {

    @Test
    void mentionedPeopleAreNotifiedAndTheirMentionsWaitUntilRead(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser nia = TestUser.register(api, "Nia");
        TestUser oto = TestUser.register(api, "Otomention");
        Rooms.members(admin, "dundee", nia, oto);
        long room = Rooms.generalRoom(nia, "dundee");
        try (LiveClient n = LiveClient.open(nia); LiveClient o = LiveClient.open(oto)) {
            n.send(Rooms.join(room, null, "j")).reply("j");
            o.send(Rooms.join(room, null, "j")).reply("j");
            long first = n.send(Rooms.post(room, "n1", "Hi @[" + oto.id() + "], **welcome**")).reply("f-n1")
                    .getJsonNumber("seq").longValue();
            JsonObject mention = o.await(f -> f.getString("type").equals("mention"));
            assertEquals(first, mention.getJsonNumber("seq").longValue());
            assertEquals(nia.id(), mention.getJsonObject("author").getJsonNumber("id").longValue());
            n.send(Rooms.post(room, "n2", "@otomention again")).reply("f-n2");
            o.await(f -> f.getString("type").equals("mention") && f.getJsonNumber("seq").longValue() == first + 1);
        }
        JsonObject unread = oto.get("/api/me/mentions?unread=true").expect(200).object();
        assertEquals(2, unread.getInt("total"));
        long newest = unread.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(0, nia.get("/api/me/mentions?unread=true").expect(200).object().getInt("total"));
        nia.post("/api/me/mentions/" + newest + "/read", null).expect(404);
        oto.post("/api/me/mentions/" + newest + "/read", null).expect(204);
        assertEquals(1, oto.get("/api/me/mentions?unread=true").expect(200).object().getInt("total"));
        assertEquals(1, oto.post("/api/me/mentions/read", null).expect(200).object().getInt("marked"));
        assertEquals(0, oto.get("/api/me/mentions?unread=true").expect(200).object().getInt("total"));
        assertEquals(2, oto.get("/api/me/mentions").expect(200).object().getInt("total"));
        api.get("/api/me/mentions").expect(401);
    }

    @Test
    void aMessageNotifiesAtMostTwentyPeopleAndFurtherMentionsArePlainText(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser pia = TestUser.register(api, "Pia");
        java.util.List<TestUser> named = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder("Hello");
        for (int i = 0; i < 25; i++) {
            TestUser p = TestUser.register(api, "Crowd" + i);
            named.add(p);
            text.append(" @[").append(p.id()).append(']');
        }
        Rooms.members(admin, "dundee", pia);
        long room = Rooms.generalRoom(pia, "dundee");
        try (LiveClient c = LiveClient.open(pia)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            assertEquals("ack", c.send(Rooms.post(room, "crowd", text.toString())).reply("f-crowd").getString("type"));
        }
        for (int i = 0; i < named.size(); i++) {
            int total = named.get(i).get("/api/me/mentions").expect(200).object().getInt("total");
            assertEquals(i < 20 ? 1 : 0, total, "mentions of person " + i);
        }
    }

    @Test
    void messageTextIsStoredAsWrittenAndRenderedWithoutUserHtmlOrScriptLinks(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser pia = TestUser.register(api, "Pia");
        Rooms.members(admin, "montreal", pia);
        long room = Rooms.generalRoom(pia, "montreal");
        String text = "**bold** <script>alert(1)</script> <img src=x onerror=alert(1)> [go](javascript:alert(1)) "
                + "[film](https://example.org/f)";
        try (LiveClient c = LiveClient.open(pia)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            long seq = c.send(Rooms.post(room, "x1", text)).reply("f-x1").getJsonNumber("seq").longValue();
            JsonObject message = c.await(f -> Rooms.isMessage(f, room) && f.getJsonNumber("seq").longValue() == seq);
            assertEquals(text, message.getString("text"));
            String html = message.getString("html");
            assertTrue(html.contains("<strong>bold</strong>"), html);
            assertTrue(html.contains("href=\"https://example.org/f\""), html);
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("<img"), html);
            assertEquals(1, html.split("href=", -1).length - 1, "only the https link is a link: " + html);
            JsonObject stored = api.get("/api/rooms/" + room + "/history?after=" + (seq - 1) + "&limit=1").expect(200)
                    .object().getJsonArray("items").getJsonObject(0);
            assertEquals(text, stored.getString("text"));
            assertEquals(html, stored.getString("html"));
        }
    }
}
