package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which frames go to an extension, decided before parsing, and which registrations are refused. */
class LiveExtensionsTest {

    static LiveExtension extension(String prefix) {
        return new LiveExtension() {
            @Override
            public String typePrefix() {
                return prefix;
            }

            @Override
            public int framesPerMinute() {
                return 10;
            }

            @Override
            public int accountFramesPerMinute() {
                return 20;
            }

            @Override
            public void frame(LivePeer peer, JsonObject frame) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void disconnected(LivePeer peer) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void framesOfARegisteredPrefixAreClaimedAndRoomFramesAreNot() {
        LiveExtension doc = extension("doc.");
        LiveExtensions ext = new LiveExtensions(List.of(doc));
        assertSame(doc, ext.claim("{\"type\":\"doc.push\",\"work\":1}").extension);
        assertSame(doc, ext.claim("{ \"work\":1, \"type\" :  \"doc.join\"}").extension);
        assertSame(doc, ext.claim("{\"text\":\"type\",\"type\":\"doc.join\"}").extension, "a value 'type' is no key");
        assertNull(ext.claim("{\"type\":\"post\",\"room\":1,\"text\":\"doc.x\"}"));
        assertNull(ext.claim("{\"type\":\"plugin.x\",\"room\":1}"));
        assertNull(ext.claim("{\"type\":\"docs.x\"}"));
        assertNull(ext.claim("{\"type\":1}"));
        assertNull(ext.claim("{\"room\":1}"));
        assertSame(doc, ext.routeOf("doc.cursor").orElseThrow().extension);
        assertTrue(ext.routeOf("join").isEmpty());
        assertTrue(ext.routeOf("plugin.state").isEmpty());
    }

    @Test
    void withoutExtensionsNothingIsClaimed() {
        assertNull(new LiveExtensions(List.of()).claim("{\"type\":\"doc.push\"}"));
    }

    @Test
    void aPrefixIsOneWordAndADot() {
        for (String bad : new String[] {"doc", "a.b.", ".", "", "doc.x"}) {
            assertThrows(IllegalStateException.class, () -> new LiveExtensions(List.of(extension(bad))), bad);
        }
    }

    @Test
    void aGroupSendsToEveryMemberButTheOneLeftOut() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        LivePeer pa = peer(a);
        LivePeer pb = peer(b);
        LiveGroup g = new LiveGroup();
        assertTrue(g.add(pa));
        g.add(pb);
        g.broadcastExcept(pa, "x");
        g.broadcast("y");
        assertTrue(a.toString().equals("y") && b.toString().equals("xy"));
    }

    static LivePeer peer(StringBuilder into) {
        return new LivePeer() {
            @Override
            public String id() {
                return "p";
            }

            @Override
            public java.util.Optional<org.creativecities.core.identity.Caller.Identity> who() {
                return java.util.Optional.empty();
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void send(String frame) {
                into.append(frame);
            }
        };
    }
}
