package org.creativecities.works.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Five clients that rebase like {@code @codemirror/collab} ({@link CollabClient}) edit one document through the
 * engine, their frames delivered in random interleavings (seeded): all end with the server's text, and the server's
 * text holds every edit the server acknowledged.
 */
class CollabConvergenceTest {

    /** One client: its connection, its state, and how far it has read its frames. */
    static final class Sim {
        final TestPeer peer;
        final CollabClient state;
        int read;
        boolean inFlight;
        int pushes;

        Sim(TestPeer peer, CollabClient state) {
            this.peer = peer;
            this.state = state;
        }
    }

    static List<CollabClient.Update> updates(JsonObject frame) {
        List<CollabClient.Update> result = new ArrayList<>();
        for (JsonValue v : frame.getJsonArray("updates")) {
            JsonObject u = v.asJsonObject();
            result.add(new CollabClient.Update(u.getString("clientID"), ChangeSetJson.fromJson(u.get("changes"))));
        }
        return result;
    }

    /** Reads the next frame the server sent this client; false when there is none. */
    static boolean readOne(Sim s) {
        if (s.read >= s.peer.frames.size()) {
            return false;
        }
        JsonObject f = s.peer.frames.get(s.read++);
        switch (f.getString("type")) {
            case "doc.updates" -> assertTrue(s.state.receive(f.getJsonNumber("from").longValue(), updates(f)));
            case "doc.rejected" -> {
                assertTrue(s.state.receive(f.getJsonNumber("from").longValue(), updates(f)));
                s.inFlight = false;
            }
            case "doc.ack" -> s.inFlight = false;
            default -> {
                // presence and cursors
            }
        }
        return true;
    }

    static String pushFrame(Sim s) {
        StringBuilder updates = new StringBuilder();
        for (ChangeSet c : s.state.sendable().subList(0, Math.min(CollabFrames.MAX_UPDATES,
                s.state.sendable().size()))) {
            updates.append(updates.length() == 0 ? "" : ",").append("{\"clientID\":\"").append(s.state.clientId())
                    .append("\",\"changes\":").append(ChangeSetJson.toJson(c)).append('}');
        }
        return "{\"type\":\"doc.push\",\"work\":7,\"version\":" + s.state.version() + ",\"updates\":[" + updates
                + "],\"id\":\"" + s.state.clientId() + "-" + (++s.pushes) + "\"}";
    }

    static void edit(Random r, Sim s) {
        String text = s.state.text();
        int from = r.nextInt(text.length() + 1);
        if (text.isEmpty() || r.nextInt(3) > 0) {
            String insert = r.nextInt(8) == 0 ? "\n" : s.state.clientId().substring(0, 1) + (char) ('a' + r.nextInt(26));
            s.state.edit(ChangeSet.replace(text.length(), from, from, insert));
        } else {
            int to = Math.min(text.length(), from + r.nextInt(4));
            s.state.edit(ChangeSet.replace(text.length(), from, to, ""));
        }
    }

    @Test
    void fiveClientsEditingAtRandomConverge() {
        for (int seed = 0; seed < 12; seed++) {
            run(new Random(seed));
        }
    }

    private void run(Random r) {
        MemoryCollabLog log = new MemoryCollabLog();
        CollabAuthorityTest.Access access = new CollabAuthorityTest.Access();
        CollabAuthority authority = new CollabAuthority(log, CollabSettings.of(16384, 1 << 20, 50, 500), access);
        CollabFrames frames = new CollabFrames(authority);
        List<Sim> sims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestPeer peer = new TestPeer("p" + i, TestPeer.person(CollabAuthorityTest.ANA, "Ana"));
            frames.frame(peer, CollabAuthorityTest.json("{\"type\":\"doc.join\",\"work\":7}"));
            JsonObject joined = peer.frames.get(0);
            Sim s = new Sim(peer, new CollabClient("abcde".charAt(i) + "-client", joined.getInt("version"),
                    joined.getString("text")));
            s.read = 1;
            sims.add(s);
        }
        for (int step = 0; step < 3000; step++) {
            Sim s = sims.get(r.nextInt(sims.size()));
            switch (r.nextInt(3)) {
                case 0 -> edit(r, s);
                case 1 -> {
                    if (!s.inFlight && !s.state.sendable().isEmpty()) {
                        s.inFlight = true;
                        frames.frame(s.peer, CollabAuthorityTest.json(pushFrame(s)));
                    }
                }
                default -> readOne(s);
            }
        }
        boolean busy = true;
        while (busy) {
            busy = false;
            for (Sim s : sims) {
                while (readOne(s)) {
                    busy = true;
                }
                if (!s.inFlight && !s.state.sendable().isEmpty()) {
                    s.inFlight = true;
                    frames.frame(s.peer, CollabAuthorityTest.json(pushFrame(s)));
                    busy = true;
                }
            }
        }
        CollabDocuments.DocumentState server = authority.current(7);
        for (Sim s : sims) {
            assertEquals(server.text(), s.state.text());
            assertEquals(server.version(), s.state.version());
        }
        assertEquals(server.version(), log.between(7, 0, Long.MAX_VALUE).size());
        String replayed = "Hello";
        for (CollabLog.Logged u : log.between(7, 0, Long.MAX_VALUE)) {
            replayed = ChangeSetJson.fromJson(CollabAuthorityTest.json("{\"c\":" + u.changes() + "}").get("c"))
                    .apply(replayed);
        }
        assertEquals(server.text(), replayed);
        assertTrue(server.version() > 100, "the run made many edits: " + server.version());
    }
}
