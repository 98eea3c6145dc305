package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.List;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, High 2: one message must not break a room. Texts that made the Markdown renderer fail (deep block
 * quotes, deep lists) are delivered to the others, the history answers 200, a resume replays the right count and
 * the room goes on.
 */
@ExtendWith(SharedServer.class)
class RenderMarkdownBombIT {

    static final List<String> BOMBS = List.of(">".repeat(16_000), "1. ".repeat(5_000),
            "- ".repeat(4_000) + "x", "*".repeat(8_000) + "a" + "*".repeat(8_000), "<".repeat(16_000),
            ">".repeat(16) + "a" + "\nb".repeat(4_000));

    @Test
    void markdownBombsAreDeliveredStoredAndReplayedAndTheRoomGoesOn(PackagedServer server, Api api) {
        try (RenderFixtures.Chat chat = RenderFixtures.Chat.open(server, api, "puebla", "Bomb")) {
            LiveClient a = chat.a();
            LiveClient b = chat.b();
            long room = chat.room();
            long start = chat.start();
            for (int i = 0; i < BOMBS.size(); i++) {
                a.send(Rooms.post(room, "bomb" + i, BOMBS.get(i)));
                assertEquals("ack", a.reply("f-bomb" + i).getString("type"), "post " + i + " was not acked");
            }
            long last = start + BOMBS.size();
            for (long seq = start + 1; seq <= last; seq++) {
                long s = seq;
                JsonObject message = b.await(f -> isMessage(f, room, s));
                assertEquals(BOMBS.get((int) (s - start - 1)), message.getString("text"));
                assertFalse(message.getString("html").isEmpty(), "message " + s + " has no html");
            }

            JsonObject page = chat.reader().get("/api/rooms/" + room + "/history?after=" + start).expect(200).object();
            assertEquals(BOMBS.size(), page.getJsonArray("items").size());
            page.getJsonArray("items").forEach(v -> assertFalse(v.asJsonObject().getString("html").isEmpty()));

            try (LiveClient again = LiveClient.open(chat.reader())) {
                JsonObject welcome = again.send(Rooms.join(room, start, "jc")).reply("jc");
                assertEquals(BOMBS.size(), welcome.getInt("replay"));
                again.await(f -> isMessage(f, room, last));
            }

            a.send(Rooms.post(room, "after", "still **here**"));
            JsonObject after = b.await(f -> isMessage(f, room, last + 1));
            assertEquals("<p>still <strong>here</strong></p>", after.getString("html"));
        }
    }

    @Test
    void anEditToABombIsDeliveredToo(PackagedServer server, Api api) {
        try (RenderFixtures.Chat chat = RenderFixtures.Chat.open(server, api, "fabriano", "Edit")) {
            LiveClient e = chat.a();
            LiveClient f = chat.b();
            long room = chat.room();
            e.send(Rooms.post(room, "plain", "plain"));
            long target = e.reply("f-plain").getJsonNumber("seq").longValue();
            e.send(Api.json("type", "edit", "room", room, "target", target, "text", "1. ".repeat(5_000), "id", "ed"));
            assertEquals("ack", e.reply("ed").getString("type"));
            JsonObject edit = f.await(x -> x.getString("type").equals("edit")
                    && x.getJsonNumber("target").longValue() == target);
            assertFalse(edit.getString("html").isEmpty());
            chat.reader().get("/api/rooms/" + room + "/history?after=0").expect(200);
        }
    }

    private static boolean isMessage(JsonObject f, long room, long seq) {
        return f.getString("type").equals("message") && f.getJsonNumber("room").longValue() == room
                && f.getJsonNumber("seq").longValue() == seq;
    }
}
