package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.works.collab.ChangeSet;

/**
 * A document's log and snapshots are durable: every acknowledged update survives a crash of the server, and the
 * document loads again from its latest snapshot and the updates after it. A scenario of
 * {@code restart.AcrossRestartIT}, whose server takes a snapshot every 5 updates.
 */
public final class CoEditingRestart {

    private CoEditingRestart() {
    }

    /**
     * A save through the REST API goes through the live document, whose size limit may be lower than the works'
     * own: a text over it is refused as bad input naming the content, and no version is made (it was a 500). Needs
     * the server's live documents limited to 2,000 characters.
     */
    public static void aRestSaveOverTheLiveDocumentsLimitIsRefusedAndMakesNoVersion(PackagedServer server) {
        TestUser ana = WorksLifecycleIT.member(server, server.api(), "Ana Limit", "lyon");
        long work = WorksLifecycleIT.create(ana, "title", "Limited", "content", "Short");
        ana.patch("/api/works/" + work, Api.json("content", "Still short", "message", "v2")).expect(200);
        Api.Response refused = ana.patch("/api/works/" + work, Api.json("content", "x".repeat(3000)));
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"),
                refused.toString());
        assertTrue(refused.body().contains("content") && refused.body().contains("2000"), refused.body());
        assertEquals(2, ana.get("/api/works/" + work + "/versions").expect(200).array().size(),
                "no version for the refused save");
        assertEquals("Still short", ana.get("/api/works/" + work).expect(200).object().getString("content"));
    }

    /** Twelve acknowledged updates; after the crash the document is at version 12, and resumes from 9. */
    public static Runnable prepare(PackagedServer server) {
        TestUser ana = WorksLifecycleIT.member(server, server.api(), "Ana Durable", "lyon");
        long work = WorksLifecycleIT.create(ana, "title", "Durable", "content", "Log");
        String expected;
        try (DocEditor a = DocEditor.open(ana, "a")) {
            a.join(work);
            for (int i = 0; i < 12; i++) {
                String text = a.state().text();
                a.edit(ChangeSet.replace(text.length(), text.length(), text.length(), i % 4 == 3 ? "\n" + i : " " + i));
                a.pushIfReady();
                a.next(f -> f.getString("type").equals("doc.ack"));
            }
            expected = a.state().text();
            assertEquals(12, a.state().version());
        }
        return () -> {
            TestUser again = TestUser.signIn(server.api(), ana.email(), TestUser.PASSWORD, TestUser.freshIp());
            try (DocEditor a = DocEditor.open(again, "a2"); DocEditor b = DocEditor.open(again, "b2")) {
                JsonObject joined = a.join(work);
                assertEquals(12, joined.getJsonNumber("version").longValue());
                assertEquals(expected, joined.getString("text"));
                b.send("{\"type\":\"doc.join\",\"work\":" + work + ",\"since\":9,\"id\":\"r\"}");
                JsonObject resumed = b.next(f -> "r".equals(f.getString("id", null)));
                assertFalse(resumed.containsKey("text"));
                assertEquals(9, resumed.getInt("from"));
                assertEquals(3, resumed.getJsonArray("updates").size(),
                        "the updates after the snapshot at 10, and one before");
                String text = a.state().text();
                a.edit(ChangeSet.replace(text.length(), 0, 0, "> "));
                a.pushIfReady();
                assertEquals(13, a.next(f -> f.getString("type").equals("doc.ack")).getInt("version"));
            }
        };
    }
}
