package org.creativecities.works.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.live.LiveRefusal;
import org.junit.jupiter.api.Test;

/**
 * The co-editing engine (frames, authority, log) in memory: the works context's rights come from a test
 * implementation of {@link CollabAccess}; the server-side ITs (modules/app) run it against the real one.
 */
class CollabAuthorityTest {

    static final long WORK = 7;
    static final long ANA = 1;
    static final long BEN = 2;
    static final long CHEN = 3;

    /** Who may do what, and the works' texts: Ana and Ben edit work 7, Chen may only read it. */
    static final class Access implements CollabAccess {
        final Map<Long, String> texts = new HashMap<>(Map.of(WORK, "Hello"));
        final Set<Long> editors = new java.util.HashSet<>(Set.of(ANA, BEN));
        final Set<Long> readers = new java.util.HashSet<>(Set.of(ANA, BEN, CHEN));

        @Override
        public boolean mayJoin(long workId, long accountId) {
            return texts.containsKey(workId) && readers.contains(accountId);
        }

        @Override
        public boolean mayEdit(long workId, long accountId) {
            return texts.containsKey(workId) && editors.contains(accountId);
        }

        @Override
        public Optional<String> initialText(long workId) {
            return Optional.ofNullable(texts.get(workId));
        }
    }

    final MemoryCollabLog log = new MemoryCollabLog();
    final Access access = new Access();
    CollabAuthority authority = new CollabAuthority(log, CollabSettings.of(20, 40, 3, 5), access);
    CollabFrames frames = new CollabFrames(authority);

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    void send(TestPeer peer, String frame) {
        frames.frame(peer, json(frame));
    }

    LiveRefusal refused(TestPeer peer, String frame) {
        return assertThrows(LiveRefusal.class, () -> send(peer, frame));
    }

    TestPeer joined(String id, long account, String name) {
        TestPeer p = new TestPeer(id, TestPeer.person(account, name));
        send(p, "{\"type\":\"doc.join\",\"work\":7,\"id\":\"j\"}");
        return p;
    }

    static String push(long version, String clientId, String changes, String id) {
        return "{\"type\":\"doc.push\",\"work\":7,\"version\":" + version + ",\"updates\":[{\"clientID\":\"" + clientId
                + "\",\"changes\":" + changes + "}],\"id\":\"" + id + "\"}";
    }

    @Test
    void aJoinerGetsTheTextTheOthersAndItsPeerNumber() {
        TestPeer ana = joined("a", ANA, "Ana");
        JsonObject welcome = ana.last();
        assertEquals("doc.joined", welcome.getString("type"));
        assertEquals("Hello", welcome.getString("text"));
        assertEquals(0, welcome.getInt("version"));
        assertTrue(welcome.getBoolean("canEdit"));
        assertEquals("j", welcome.getString("id"));
        TestPeer chen = joined("c", CHEN, "Chen");
        assertFalse(chen.last().getBoolean("canEdit"));
        assertEquals(2, chen.last().getJsonArray("online").size());
        JsonObject presence = ana.last();
        assertEquals("doc.presence", presence.getString("type"));
        assertEquals("joined", presence.getString("event"));
        assertEquals("Chen", presence.getJsonObject("user").getString("name"));
        assertEquals(chen.last().getInt("you"), presence.getInt("peer"));
    }

    @Test
    void anAcceptedPushIsStoredAppliedAndSentToEveryEditorThenAcked() {
        TestPeer ana = joined("a", ANA, "Ana");
        TestPeer ben = joined("b", BEN, "Ben");
        send(ana, push(0, "ca", "[5,[0,\" Lyon\"]]", "p1"));
        JsonObject updates = ben.last();
        assertEquals("doc.updates", updates.getString("type"));
        assertEquals(0, updates.getInt("from"));
        assertEquals("[5,[0,\" Lyon\"]]", updates.getJsonArray("updates").getJsonObject(0).getJsonArray("changes")
                .toString());
        assertEquals("ca", updates.getJsonArray("updates").getJsonObject(0).getString("clientID"));
        assertEquals(ANA, updates.getJsonArray("updates").getJsonObject(0).getInt("author"));
        List<JsonObject> mine = ana.frames.subList(ana.frames.size() - 2, ana.frames.size());
        assertEquals("doc.updates", mine.get(0).getString("type"));
        assertEquals("doc.ack", mine.get(1).getString("type"));
        assertEquals(1, mine.get(1).getInt("version"));
        assertEquals("p1", mine.get(1).getString("id"));
        assertEquals(new CollabDocuments.DocumentState(1, "Hello Lyon"), authority.current(WORK));
        assertEquals(1, log.between(WORK, 0, 1).size());
    }

    @Test
    void aStalePushIsAnsweredWithTheMissingUpdatesAndChangesNothing() {
        TestPeer ana = joined("a", ANA, "Ana");
        TestPeer ben = joined("b", BEN, "Ben");
        send(ana, push(0, "ca", "[5,[0,\"!\"]]", "p1"));
        send(ben, push(0, "cb", "[[1,\"J\"],4]", "p2"));
        JsonObject rejected = ben.last();
        assertEquals("doc.rejected", rejected.getString("type"));
        assertEquals("stale", rejected.getString("reason"));
        assertEquals(1, rejected.getInt("version"));
        assertEquals(0, rejected.getInt("from"));
        assertEquals("ca", rejected.getJsonArray("updates").getJsonObject(0).getString("clientID"));
        assertEquals("p2", rejected.getString("id"));
        assertEquals("Hello!", authority.current(WORK).text());
        send(ben, push(1, "cb", "[[1,\"J\"],5]", "p3"));
        assertEquals("Jello!", authority.current(WORK).text());
    }

    @Test
    void changesThatDoNotFitTheDocumentAreRefusedWithAReason() {
        TestPeer ana = joined("a", ANA, "Ana");
        LiveRefusal e = refused(ana, push(0, "ca", "[4,[0,\"!\"]]", "p1"));
        assertEquals("bad-changes", e.code());
        assertEquals("Update 1 applies to a text of 4 characters; the document at version 0 has 5.", e.getMessage());
        assertEquals("bad-changes", refused(ana, push(0, "ca", "[[0,\"a\\nb\"],5]", "p1")).code());
        assertEquals("bad-changes", refused(ana, push(0, "ca", "{\"x\":1}", "p1")).code());
        assertEquals("too-large", refused(ana, push(0, "ca", "[5,[0,\"" + "x".repeat(21) + "\"]]", "p1")).code());
        send(ana, push(0, "ca", "[5,[0,\"" + "x".repeat(20) + "\"]]", "p2"));
        send(ana, push(1, "ca", "[25,[0,\"" + "y".repeat(15) + "\"]]", "p3"));
        LiveRefusal tooLong = refused(ana, push(2, "ca", "[40,[0,\"z\"]]", "p4"));
        assertEquals("too-large", tooLong.code());
        assertEquals("A document has at most 40 characters.", tooLong.getMessage());
        assertEquals(2, authority.current(WORK).version());
    }

    @Test
    void rightsAreCheckedOnEveryFrame() {
        TestPeer visitor = new TestPeer("v", null);
        assertEquals("unauthorized", refused(visitor, "{\"type\":\"doc.join\",\"work\":7}").code());
        TestPeer stranger = new TestPeer("s", TestPeer.person(9, "Dana"));
        LiveRefusal notFound = refused(stranger, "{\"type\":\"doc.join\",\"work\":7}");
        assertEquals("not-found", notFound.code());
        assertEquals("not-found", refused(stranger, "{\"type\":\"doc.join\",\"work\":8}").code());
        assertEquals("not-joined", refused(stranger, push(0, "x", "[5]", "p")).code());
        TestPeer chen = joined("c", CHEN, "Chen");
        assertEquals("forbidden", refused(chen, push(0, "cc", "[5,[0,\"!\"]]", "p")).code());
        TestPeer ben = joined("b", BEN, "Ben");
        access.editors.remove(BEN);
        assertEquals("forbidden", refused(ben, push(0, "cb", "[5,[0,\"!\"]]", "p")).code());
        access.readers.remove(BEN);
        assertEquals("not-found", refused(ben, "{\"type\":\"doc.cursor\",\"work\":7,\"version\":0,"
                + "\"ranges\":[{\"anchor\":1,\"head\":1}]}").code());
        assertEquals("Hello", authority.current(WORK).text());
    }

    @Test
    void badFramesAreRefusedNamingTheWork() {
        TestPeer ana = joined("a", ANA, "Ana");
        LiveRefusal noWork = refused(ana, "{\"type\":\"doc.join\"}");
        assertEquals("bad-frame", noWork.code());
        assertEquals("Missing 'work'.", noWork.getMessage());
        assertEquals("bad-frame", refused(ana, "{\"type\":\"doc.dance\",\"work\":7}").code());
        assertEquals("bad-frame", refused(ana, "{\"type\":\"doc.push\",\"work\":7,\"version\":0,\"updates\":[]}")
                .code());
        assertEquals("bad-frame", refused(ana, "{\"type\":\"doc.push\",\"work\":7,\"version\":0,\"updates\":"
                + "[{\"changes\":[5]}]}").code());
        assertEquals("bad-frame", refused(ana, "{\"type\":\"doc.cursor\",\"work\":7,\"version\":0,\"ranges\":"
                + "[{\"anchor\":-1,\"head\":1}]}").code());
        assertEquals("bad-frame", refused(ana, push(5, "ca", "[5]", "p")).code());
    }

    @Test
    void cursorsAndDeparturesReachTheOthers() {
        TestPeer ana = joined("a", ANA, "Ana");
        TestPeer ben = joined("b", BEN, "Ben");
        int before = ana.frames.size();
        send(ben, "{\"type\":\"doc.cursor\",\"work\":7,\"version\":0,\"ranges\":[{\"anchor\":2,\"head\":4}]}");
        JsonObject cursor = ana.last();
        assertEquals("doc.cursor", cursor.getString("type"));
        assertEquals("Ben", cursor.getJsonObject("user").getString("name"));
        assertEquals(4, cursor.getJsonArray("ranges").getJsonObject(0).getInt("head"));
        assertEquals(before + 1, ana.frames.size());
        assertEquals("doc.joined", ben.last().getString("type"), "the cursor is not sent back");
        frames.disconnected(ben);
        assertEquals("left", ana.last().getString("event"));
        send(ana, "{\"type\":\"doc.leave\",\"work\":7,\"id\":\"l\"}");
        assertEquals("doc.left", ana.last().getString("type"));
        assertEquals("not-joined", refused(ana, push(0, "ca", "[5]", "p")).code());
    }

    @Test
    void aJoinerResumesWithTheUpdatesItMissedOrGetsTheText() {
        TestPeer ana = joined("a", ANA, "Ana");
        for (int i = 0; i < 7; i++) {
            send(ana, push(i, "ca", "[" + (5 + i) + ",[0,\"" + i + "\"]]", "p" + i));
        }
        TestPeer ben = new TestPeer("b", TestPeer.person(BEN, "Ben"));
        send(ben, "{\"type\":\"doc.join\",\"work\":7,\"since\":4}");
        JsonObject resumed = ben.last();
        assertFalse(resumed.containsKey("text"));
        assertEquals(4, resumed.getInt("from"));
        assertEquals(3, resumed.getJsonArray("updates").size());
        assertEquals(7, resumed.getInt("version"));
        TestPeer chen = new TestPeer("c", TestPeer.person(CHEN, "Chen"));
        send(chen, "{\"type\":\"doc.join\",\"work\":7,\"since\":1}");
        assertEquals("Hello0123456", chen.last().getString("text"), "6 missed > resume limit 5: the text");
        send(chen, "{\"type\":\"doc.pull\",\"work\":7,\"since\":5,\"id\":\"q\"}");
        assertEquals(2, chen.last().getJsonArray("updates").size());
        assertEquals("too-far-behind", refused(chen, "{\"type\":\"doc.pull\",\"work\":7,\"since\":0}").code());
    }

    @Test
    void aDocumentLoadsFromItsLatestSnapshotAndTheUpdatesAfterIt() {
        TestPeer ana = joined("a", ANA, "Ana");
        for (int i = 0; i < 7; i++) {
            send(ana, push(i, "ca", "[" + (5 + i) + ",[0,\"" + i + "\"]]", "p" + i));
        }
        assertEquals(6, log.snapshotVersion(WORK), "a snapshot every 3 updates");
        access.texts.put(WORK, "changed since: not read again");
        CollabAuthority restarted = new CollabAuthority(log, CollabSettings.of(20, 40, 3, 5), access);
        assertEquals(new CollabDocuments.DocumentState(7, "Hello0123456"), restarted.current(WORK));
    }

    @Test
    void aReplaceIsOneUpdateThatEditorsReceive() {
        TestPeer ana = joined("a", ANA, "Ana");
        CollabDocuments.DocumentState state = authority.replace(WORK, BEN, "Hello Bristol");
        assertEquals(new CollabDocuments.DocumentState(1, "Hello Bristol"), state);
        JsonObject update = ana.last().getJsonArray("updates").getJsonObject(0);
        assertEquals("server", update.getString("clientID"));
        assertEquals("[5,[0,\" Bristol\"]]", update.getJsonArray("changes").toString());
        assertEquals(state, authority.replace(WORK, BEN, "Hello Bristol"), "no change, no update");
        assertEquals(1, log.between(WORK, 0, 10).size());
    }

    @Test
    void aConflictInTheLogReloadsAndAnswersAsStale() {
        TestPeer ana = joined("a", ANA, "Ana");
        send(ana, push(0, "ca", "[5,[0,\"!\"]]", "p1"));
        log.appendElsewhere(WORK, "other", "[6,[0,\"?\"]]");
        send(ana, push(1, "ca", "[6,[0,\".\"]]", "p2"));
        JsonObject rejected = ana.last();
        assertEquals("doc.rejected", rejected.getString("type"));
        assertEquals(2, rejected.getInt("version"));
        assertEquals("other", rejected.getJsonArray("updates").getJsonObject(0).getString("clientID"));
        assertEquals("Hello!?", authority.current(WORK).text());
    }

    @Test
    void aWorkWithoutTextIsNotFound() {
        CollabException e = assertThrows(CollabException.class, () -> authority.current(8));
        assertEquals("not-found", e.code());
    }
}
