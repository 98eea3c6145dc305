package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.works.collab.ChangeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Live co-editing of text works on the packaged server, with real WebSocket clients and the real works context. */
@ExtendWith(SharedServer.class)
class CoEditingIT {

    static String push(long work, long version, String clientId, String changes, String id) {
        return "{\"type\":\"doc.push\",\"work\":" + work + ",\"version\":" + version + ",\"updates\":[{\"clientID\":\""
                + clientId + "\",\"changes\":" + changes + "}],\"id\":\"" + id + "\"}";
    }

    static JsonObject reply(DocEditor c, String id) {
        return c.next(f -> id.equals(f.getString("id", null)));
    }

    static void assertError(JsonObject frame, String code) {
        assertEquals("error", frame.getString("type"), frame.toString());
        assertEquals(code, frame.getString("code"), frame.toString());
        assertFalse(frame.getString("reason").contains("Exception"), frame.toString());
    }

    @Test
    void badFramesAreAnsweredWithErrorFramesAndTheConnectionStaysOpen(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Frames", "lyon");
        long work = WorksLifecycleIT.create(ana, "title", "Frames", "content", "Hello");
        try (DocEditor a = DocEditor.open(ana, "a")) {
            a.send("{\"type\":\"doc.join\",\"id\":\"x1\"}");
            JsonObject noWork = reply(a, "x1");
            assertError(noWork, "bad-frame");
            assertEquals("Missing 'work'.", noWork.getString("reason"));
            a.send(push(work, 0, "a", "[5,[0,\"!\"]]", "x2"));
            JsonObject notJoined = reply(a, "x2");
            assertError(notJoined, "not-joined");
            assertEquals(work, notJoined.getJsonNumber("work").longValue());
            a.send("{\"type\":\"doc.dance\",\"work\":" + work + ",\"id\":\"x3\"}");
            assertError(reply(a, "x3"), "bad-frame");
            a.send("{\"type\":\"doc.join\",\"work\":\"seven\",\"id\":\"x4\"}");
            assertError(reply(a, "x4"), "bad-frame");
            a.send("{\"type\":\"doc.join\",\"work\":" + work + ",\"x\":" + "[".repeat(20) + "]".repeat(20)
                    + ",\"id\":\"x5\"}");
            assertError(a.next(f -> f.getString("type").equals("error") && f.getString("code").equals("too-deep")),
                    "too-deep");

            a.join(work);
            a.send(push(work, 0, "a", "[4,[0,\"!\"]]", "x6"));
            JsonObject wrongLength = reply(a, "x6");
            assertError(wrongLength, "bad-changes");
            assertEquals("Update 1 applies to a text of 4 characters; the document at version 0 has 5.",
                    wrongLength.getString("reason"));
            a.send(push(work, 0, "a", "[5,[0,\"a\\nb\"]]", "x7"));
            assertError(reply(a, "x7"), "bad-changes");
            a.send(push(work, 0, "a", "{\"retain\":5}", "x8"));
            assertError(reply(a, "x8"), "bad-changes");
            a.send(push(work, 0, "a", "[5,[0,\"" + "x".repeat(16_385) + "\"]]", "x9"));
            assertError(reply(a, "x9"), "too-large");

            a.send(push(work, 0, "a", "[5,[0,\" Lyon 😀\"]]", "ok"));
            JsonObject ack = reply(a, "ok");
            assertEquals("doc.ack", ack.getString("type"));
            assertEquals(1, ack.getInt("version"));
        }
        try (LiveClient visitor = LiveClient.connect(api.base(), null, Map.of())) {
            visitor.send(Api.json("type", "doc.join", "work", work, "id", "v"));
            JsonObject refused = visitor.reply("v");
            assertEquals("unauthorized", refused.getString("code"));
        }
        try (DocEditor b = DocEditor.open(ana, "b")) {
            assertEquals("Hello Lyon 😀", b.join(work).getString("text"), "lengths in UTF-16 units, as in browsers");
        }
    }

    @Test
    void strangersCannotOpenADraftAndReadersCannotEdit(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Rights", "lyon");
        TestUser stranger = TestUser.register(api, "Stranger Rights");
        long draft = WorksLifecycleIT.create(ana, "title", "Secret", "content", "Draft text");
        try (DocEditor s = DocEditor.open(stranger, "s")) {
            s.send("{\"type\":\"doc.join\",\"work\":" + draft + ",\"id\":\"j\"}");
            JsonObject refused = reply(s, "j");
            assertError(refused, "not-found");
            assertFalse(refused.toString().contains("Draft text"));
            s.send(push(draft, 0, "s", "[10,[0,\"!\"]]", "p"));
            assertError(reply(s, "p"), "not-joined");
            s.send("{\"type\":\"doc.join\",\"work\":999999999,\"id\":\"j2\"}");
            assertError(reply(s, "j2"), "not-found");

            long published = WorksLifecycleIT.create(ana, "title", "Open letter", "content", "Dear all");
            ana.post("/api/works/" + published + "/publish", Api.json("audience", "everyone")).expect(200);
            JsonObject joined = s.join(published);
            assertFalse(joined.getBoolean("canEdit"));
            s.send(push(published, 0, "s", "[8,[0,\"!\"]]", "p2"));
            JsonObject forbidden = reply(s, "p2");
            assertError(forbidden, "forbidden");
            try (DocEditor a = DocEditor.open(ana, "a")) {
                assertEquals("Dear all", a.join(published).getString("text"));
                assertTrue(a.read.get(a.read.size() - 1).getBoolean("canEdit"));
            }
        }
    }

    @Test
    void aPushOnAStaleVersionGetsTheMissingUpdatesAndTheClientRebases(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Stale", "lyon");
        TestUser ben = WorksLifecycleIT.member(server, api, "Ben Stale", "bristol");
        long work = WorksLifecycleIT.create(ana, "title", "Stale", "content", "Hello");
        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200);
        try (DocEditor a = DocEditor.open(ana, "a"); DocEditor b = DocEditor.open(ben, "b")) {
            a.join(work);
            b.join(work);
            a.edit(ChangeSet.replace(5, 5, 5, " Lyon"));
            a.pushIfReady();
            assertEquals(1, a.next(f -> f.getString("type").equals("doc.ack")).getInt("version"));
            // Ben has not read Ana's update yet: his edit is based on version 0.
            b.edit(ChangeSet.replace(5, 0, 0, ">> "));
            b.send(push(work, 0, "b", "[[0,\">> \"],5]", "stale"));
            JsonObject rejected = b.next(f -> "stale".equals(f.getString("id", null)));
            assertEquals("doc.rejected", rejected.getString("type"));
            assertEquals("stale", rejected.getString("reason"));
            assertEquals(0, rejected.getInt("from"));
            assertEquals(1, rejected.getInt("version"));
            assertEquals("a", rejected.getJsonArray("updates").getJsonObject(0).getString("clientID"));
            assertEquals(">> Hello Lyon", b.state().text(), "rebased over the missing update");
            b.pushIfReady();
            assertEquals(2, b.next(f -> f.getString("type").equals("doc.ack")).getInt("version"));
            a.next(f -> f.getString("type").equals("doc.updates") && f.getInt("from") == 1);
            assertEquals(">> Hello Lyon", a.state().text());
            assertEquals(2, a.state().version());
        }
    }

    @Test
    void aSaveThroughTheApiIsOneUpdateThatLiveEditorsReceive(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Save", "lyon");
        long work = WorksLifecycleIT.create(ana, "title", "Saved", "content", "One");
        try (DocEditor a = DocEditor.open(ana, "a")) {
            a.join(work);
            a.edit(ChangeSet.replace(3, 3, 3, " two"));
            a.pushIfReady();
            a.next(f -> f.getString("type").equals("doc.ack"));
            ana.patch("/api/works/" + work, Api.json("content", "One two three", "message", "three")).expect(200);
            JsonObject update = a.next(f -> f.getString("type").equals("doc.updates") && f.getInt("from") == 1);
            assertEquals("server", update.getJsonArray("updates").getJsonObject(0).getString("clientID"));
            assertEquals("[7,[0,\" three\"]]", update.getJsonArray("updates").getJsonObject(0)
                    .getJsonArray("changes").toString());
            assertEquals("One two three", a.state().text());
            assertEquals("One two three", ana.get("/api/works/" + work).expect(200).object().getString("content"));
        }
    }

    @Test
    void cursorsAndPresenceAreRelayedToTheOthers(PackagedServer server, Api api) {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Cursor", "lyon");
        TestUser ben = WorksLifecycleIT.member(server, api, "Ben Cursor", "bristol");
        long work = WorksLifecycleIT.create(ana, "title", "Cursors", "content", "Hello");
        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200);
        try (DocEditor a = DocEditor.open(ana, "a")) {
            a.join(work);
            try (DocEditor b = DocEditor.open(ben, "b")) {
                JsonObject joined = b.join(work);
                assertEquals(2, joined.getJsonArray("online").size());
                JsonObject arrived = a.next(f -> f.getString("type").equals("doc.presence"));
                assertEquals("joined", arrived.getString("event"));
                assertEquals("Ben Cursor", arrived.getJsonObject("user").getString("name"));
                b.cursor(3);
                JsonObject cursor = a.next(f -> f.getString("type").equals("doc.cursor"));
                assertEquals(joined.getInt("you"), cursor.getInt("peer"));
                assertEquals(3, cursor.getJsonArray("ranges").getJsonObject(0).getInt("head"));
            }
            JsonObject gone = a.next(f -> f.getString("type").equals("doc.presence"));
            assertEquals("left", gone.getString("event"));
        }
    }
}
