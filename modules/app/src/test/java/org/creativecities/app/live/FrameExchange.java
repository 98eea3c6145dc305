package org.creativecities.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * The exchange both frame-sender tests run: three people in a city's general room, texts of every WebSocket length
 * form, and a reader that stops reading while a hundred large frames pile up; and what {@code /health} says of the
 * path each connection uses.
 */
final class FrameExchange {

    private static final int PILE = 100;

    private FrameExchange() {
    }

    private static JsonObject liveData(TestUser admin) {
        return admin.get("/health").object().getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("live")).findFirst().orElseThrow().getJsonObject("data");
    }

    /** A number of the live check's data (MicroProfile Health may write numbers as strings). */
    static long liveCount(TestUser admin, String name) {
        return Long.parseLong(liveData(admin).get(name).toString().replace("\"", ""));
    }

    static void exchange(PackagedServer server, String sender, String countedAs, String city)
            throws Exception {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), "Ana Lima");
        TestUser ben = TestUser.register(server.api(), "Ben");
        TestUser cy = TestUser.register(server.api(), "Cy");
        Rooms.members(admin, city, ana, ben, cy);
        long room = Rooms.generalRoom(ana, city);
        LiveClient a = LiveClient.open(ana);
        LiveClient b = LiveClient.open(ben);
        try {
            a.send(Rooms.join(room, null, "ja"));
            a.reply("ja");
            b.send(Rooms.join(room, null, "jb"));
            b.reply("jb");

            assertEquals(sender, liveData(admin).getString("frameSender"));
            assertTrue(liveCount(admin, countedAs) >= 2, liveData(admin).toString());
            // Whichever sender writes, the connections write through a small buffer (no 8 KB buffer per frame).
            assertTrue(liveCount(admin, "smallOutputBuffers") >= 2, liveData(admin).toString());

            // Short (< 126 bytes), 16-bit (< 64 KiB) and 64-bit lengths: a long text and its HTML pass 64 KiB.
            List<String> texts = List.of("Zoë 🎬", "é".repeat(3000), "日".repeat(16000));
            for (int i = 0; i < texts.size(); i++) {
                a.send(Rooms.post(room, "len-" + sender + i, texts.get(i)));
            }
            for (String text : texts) {
                JsonObject got = b.await(f -> Rooms.isMessage(f, room) && f.getString("text").equals(text));
                assertEquals("Ana Lima", got.getJsonObject("author").getString("name"));
            }

            // A reader that stops reading while frames pile up gets them all, in order, once it reads again.
            LiveClient slow = LiveClient.connectNotReading(server.api().base(),
                    "ticket=" + cy.post("/api/live/tickets", null).expect(201).object().getString("ticket"),
                    Map.of());
            try {
                slow.send(Rooms.join(room, null, "js"));
                b.await(f -> f.getString("type").equals("presence") && f.getString("event").equals("joined")
                        && f.getJsonObject("user").getString("name").equals("Cy"));
                // About 3 MB (100 frames of ~32 KB of text and HTML): more than the socket buffers take, so frames
                // wait on the server and go out several per write. 100 posts stay within a connection's 120 frames a
                // minute.
                for (int i = 0; i < PILE; i++) {
                    a.send(Rooms.post(room, "pile-" + sender + i, "pile " + i + " " + "x".repeat(16_000)));
                }
                String last = "pile " + (PILE - 1) + " ";
                b.await(f -> Rooms.isMessage(f, room) && f.getString("text").startsWith(last));
                slow.resumeReading();
                slow.await(f -> Rooms.isMessage(f, room) && f.getString("text").startsWith(last));
                List<Long> seqs = slow.frames("message").stream().filter(f -> f.getString("text").startsWith("pile "))
                        .map(f -> f.getJsonNumber("seq").longValue()).toList();
                assertEquals(PILE, seqs.size());
                assertTrue(liveCount(admin, "multiFrameWrites") > 0, "frames that waited went out together");
                for (int i = 1; i < seqs.size(); i++) {
                    assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "in order, none missing");
                }
            } finally {
                slow.close();
            }
        } finally {
            a.close();
            b.close();
        }
    }
}
