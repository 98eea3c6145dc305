package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.works.WorksEditing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile co-editing frames ({@code doc.*}) on {@code /ws}: each of the corpus ({@code security/live-doc-frames.txt})
 * gets exactly one error frame with its specific code, the connection stays open, and the document is neither changed
 * nor stuck: a good push afterwards is stored at version 1 and reaches the other editor. Pushes from people who may
 * not edit the work are refused the same way, and an oversized frame closes only its own connection.
 */
@ExtendWith(SharedServer.class)
class LiveDocFramesIT {

    private static final String GOOD_PUSH = "{\"type\":\"doc.push\",\"work\":%d,\"version\":%d,\"updates\":"
            + "[{\"clientID\":\"%s\",\"changes\":[5,[0,\"!\"]]}],\"id\":\"%s\"}";

    @Test
    void everyHostileFrameGetsItsErrorAndTheDocumentStaysWhole(PackagedServer server, Api api) {
        TestUser ana = WorksEditing.member(server, api, "Ana Hostile", "lyon");
        TestUser ben = TestUser.register(api, "Ben Hostile");
        long work = WorksEditing.create(ana, "title", "Hostile", "content", "Hello");
        long draft = WorksEditing.create(ana, "title", "Hostile draft", "content", "Draft");
        ana.post("/api/works/" + work + "/publish", Api.json("audience", "everyone")).expect(200);
        List<String> wrong = new ArrayList<>();
        try (LiveClient a = LiveClient.open(ana); LiveClient b = LiveClient.open(ben)) {
            a.send(Api.json("type", "doc.join", "work", work, "id", "ja"));
            assertEquals(0, a.reply("ja").getInt("version"));
            b.send(Api.json("type", "doc.join", "work", work, "id", "jb"));
            assertFalse(b.reply("jb").getBoolean("canEdit"), "a reader may not edit");

            int n = 0;
            for (String[] line : corpus()) {
                String frame = line[1].replace("$W", Long.toString(work));
                String got = answer(a, frame, work, "s" + (++n));
                if (!line[0].equals(got)) {
                    wrong.add(frame + " -> " + got + " (expected " + line[0] + ")");
                }
            }
            // A reader who joined, someone who did not join, a draft they may not open, a visitor: refused.
            check(wrong, "forbidden", answer(b, String.format(GOOD_PUSH, work, 0, "b", "pb"), work, "sb1"));
            check(wrong, "not-found", answer(b, "{\"type\":\"doc.join\",\"work\":" + draft + "}", work, "sb2"));
            check(wrong, "not-joined", answer(b, String.format(GOOD_PUSH, draft, 0, "b", "pd"), work, "sb3"));
            try (LiveClient visitor = LiveClient.connect(api.base(), null, Map.of())) {
                visitor.sendRaw(String.format(GOOD_PUSH, work, 0, "v", "pv")).join();
                check(wrong, "unauthorized", visitor.reply("pv").getString("code"));
            }
            // A frame over the size limit closes its own connection (1009), nobody else's.
            try (LiveClient big = LiveClient.open(ana)) {
                big.sendRaw(String.format(GOOD_PUSH, work, 0, "x".repeat(100_000), "big"));
                assertEquals(1009, big.awaitClose());
            }

            assertEquals(List.of(), wrong);
            assertFalse(a.isClosed() || b.isClosed(), "hostile frames leave the connections open");
            List<JsonObject> broadcast = b.frames("doc.updates").stream().filter(f -> !f.containsKey("id")).toList();
            assertTrue(broadcast.isEmpty(), "nothing was stored: " + broadcast);
            assertTrue(b.frames("doc.cursor").isEmpty(), "no bad cursor was relayed: " + b.frames("doc.cursor"));
            assertEquals(List.of(), a.frames("error").stream().filter(e -> e.getString("code").equals("internal"))
                    .toList());

            a.sendRaw(String.format(GOOD_PUSH, work, 0, "a", "good")).join();
            JsonObject ack = a.reply("good");
            assertEquals("doc.ack", ack.getString("type"), ack.toString());
            assertEquals(1, ack.getInt("version"));
            JsonObject updates = b.await(f -> f.getString("type").equals("doc.updates"));
            assertEquals(0, updates.getInt("from"));
        }
        assertEquals("Hello!", WorksEditing.serverText(ana, work));
    }

    /**
     * {@code @codemirror/collab} takes an update carrying its own client id for the confirmation of its own change: a
     * co-author who pushed under another editor's id would make that editor drop its change and keep a text that is
     * no longer the server's. A client id seen from one account is refused from another.
     */
    @Test
    void anEditorCannotPassItsUpdatesOffAsAnotherEditors(PackagedServer server, Api api) {
        TestUser ana = WorksEditing.member(server, api, "Ana Spoof", "lyon");
        TestUser ben = TestUser.register(api, "Ben Spoof");
        long work = WorksEditing.create(ana, "title", "Spoofed", "content", "Hello");
        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200);
        try (LiveClient a = LiveClient.open(ana); LiveClient b = LiveClient.open(ben)) {
            a.send(Api.json("type", "doc.join", "work", work, "id", "ja")).reply("ja");
            b.send(Api.json("type", "doc.join", "work", work, "id", "jb")).reply("jb");
            b.sendRaw(String.format(GOOD_PUSH, work, 0, "ben-editor", "pb")).join();
            assertEquals("doc.ack", b.reply("pb").getString("type"));
            String appended = GOOD_PUSH.replace("[5,", "[6,");
            a.sendRaw(String.format(appended, work, 1, "ben-editor", "pa")).join();
            JsonObject refused = a.reply("pa");
            assertEquals("error", refused.getString("type"), refused.toString());
            assertEquals("bad-frame", refused.getString("code"), refused.toString());
            a.sendRaw(String.format(appended, work, 1, "ana-editor", "ok")).join();
            assertEquals(2, a.reply("ok").getInt("version"));
            JsonObject second = b.await(f -> f.getString("type").equals("doc.updates") && f.getInt("from") == 1);
            assertEquals("ana-editor", second.getJsonArray("updates").getJsonObject(0).getString("clientID"));
        }
        assertEquals("Hello!!", WorksEditing.serverText(ana, work));
    }

    /**
     * Sends the frame, then a pull that is answered in order after it; returns the code of the one error frame that
     * came between (or what came instead, when it is not exactly one error frame).
     */
    private static String answer(LiveClient c, String frame, long work, String sentinel) {
        int before = c.frames().size();
        c.sendRaw(frame).join();
        c.sendRaw("{\"type\":\"doc.pull\",\"work\":" + work + ",\"since\":0,\"id\":\"" + sentinel + "\"}").join();
        JsonObject end = c.reply(sentinel);
        List<JsonObject> between = c.frames().subList(before, c.frames().indexOf(end)).stream()
                .filter(f -> !f.getString("type").equals("doc.presence")).toList();
        if (between.size() == 1 && between.get(0).getString("type").equals("error")) {
            JsonObject error = between.get(0);
            assertFalse(error.getString("reason").matches("(?s).*\\b(java|jakarta|org)\\.[a-z]+\\..*"), error.toString());
            return error.getString("code");
        }
        return between.toString();
    }

    private static void check(List<String> wrong, String expected, String got) {
        if (!expected.equals(got)) {
            wrong.add(expected + " expected, got " + got);
        }
    }

    private static List<String[]> corpus() {
        try {
            return Files.readAllLines(Path.of("src/test/resources/security/live-doc-frames.txt"),
                            StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|", 2)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
