package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.creativecities.app.restart.RestartScenario;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/**
 * Two people have a live room open in their browsers when the server crashes: both pages say "reconnecting", one
 * writes while offline (kept as pending), and once the server is back every message shows exactly once, in sequence
 * order, including what a third person posted meanwhile. A scenario of {@code restart.AcrossRestartIT}.
 */
public final class RoomRestart implements RestartScenario.Check {

    private final PackagedServer server;
    private final TestUser carol;
    private final long room;
    private final Browser a;
    private final Browser b;

    private RoomRestart(PackagedServer server, TestUser carol, long room, Browser a, Browser b) {
        this.server = server;
        this.carol = carol;
        this.room = room;
        this.a = a;
        this.b = b;
    }

    /** Opens the room in two browsers and exchanges a message before the crash. */
    public static RestartScenario.Check prepare(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), RoomBrowserIT.name("Ana"));
        TestUser ben = TestUser.register(server.api(), RoomBrowserIT.name("Ben"));
        TestUser carol = TestUser.register(server.api(), RoomBrowserIT.name("Carol"));
        RoomBrowserIT.members(admin, "lyon", ana, ben, carol);
        long room = RoomBrowserIT.newRoom(admin, "lyon", "Resilient");
        Browser a = RoomBrowserIT.openRoom(server, ana, room);
        Browser b = null;
        try {
            b = RoomBrowserIT.openRoom(server, ben, room);
            RoomBrowserIT.say(b, "before the restart");
            RoomBrowserIT.message(a, "before the restart");
            return new RoomRestart(server, carol, room, a, b);
        } catch (RuntimeException | AssertionError e) {
            a.close();
            if (b != null) {
                b.close();
            }
            throw e;
        }
    }

    /** Both pages notice; a message written offline is kept as pending. */
    @Override
    public void whileDown() {
        a.find("[data-testid=reconnecting]");
        b.find("[data-testid=reconnecting]");
        RoomBrowserIT.say(a, "written while offline");
        a.findWithText("[data-testid=pending]", "written while offline");
    }

    @Override
    public void afterRestart() {
        try (a; b) {
            RoomBrowserIT.postOverTheSocket(carol.on(server.api()), room,
                    List.of("after the restart, one", "after the restart, two"));
            List<String> expected = List.of("before the restart", "written while offline",
                    "after the restart, one", "after the restart, two");
            for (Browser x : List.of(a, b)) {
                RoomBrowserIT.longWait(x, "every message after the reconnect",
                        d -> x.all("[data-testid=reconnecting]").isEmpty()
                                && x.all("[data-testid=pending]").isEmpty()
                                && RoomBrowserIT.texts(x).size() >= expected.size()
                                && x.all(RoomBrowserIT.MESSAGES).stream()
                                        .anyMatch(e -> e.getText().contains("after the restart, two")));
            }
            // Whatever order the server stored them in, each appears exactly once and in seq order.
            for (Browser x : List.of(a, b)) {
                List<String> texts = RoomBrowserIT.texts(x);
                assertEquals(new HashSet<>(expected), new HashSet<>(texts), texts.toString());
                assertEquals(expected.size(), texts.size(), texts.toString());
                @SuppressWarnings("unchecked")
                List<Long> seqs = (List<Long>) x.js("return [...document.querySelectorAll('"
                        + RoomBrowserIT.MESSAGES + "')].map(m => Number(m.dataset.seq))");
                for (int i = 1; i < seqs.size(); i++) {
                    assertTrue(seqs.get(i) > seqs.get(i - 1), seqs.toString());
                }
            }
            // And the room stays live after the restart.
            RoomBrowserIT.say(b, "live again");
            RoomBrowserIT.message(a, "live again");
        }
    }
}
