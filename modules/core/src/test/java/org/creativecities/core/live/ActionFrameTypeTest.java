package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.plugin.api.room.RoomAction;
import org.junit.jupiter.api.Test;

/**
 * Pins the frame type of a plugin action: the server takes {@code "type":"action"} (docs/protocol.md), and the
 * plugin API's {@link RoomAction} Javadoc, which plugin authors read, shows a frame the server takes.
 */
class ActionFrameTypeTest {

    private static final Path ROOM_ACTION_SOURCE =
            Path.of("../plugin-api/src/main/java/org/creativecities/plugin/api/room/RoomAction.java");

    private static ClientFrame decode(String text) {
        return FrameDecoder.decode(FrameDecoder.envelope(text, id -> { }));
    }

    @Test
    void anActionFrameIsTypedActionAndCarriesTheKindsActionAndPayload() {
        ClientFrame frame = decode("{\"type\":\"action\",\"room\":9,\"action\":\"seek\","
                + "\"payload\":{\"positionMs\":600000},\"id\":\"a1\"}");
        ClientFrame.Action action = assertInstanceOf(ClientFrame.Action.class, frame);
        assertEquals("a1", action.id());
        assertEquals(9, action.room());
        RoomAction read = RoomAction.fromFrame(action.frame()).orElseThrow();
        assertEquals("seek", read.type());
        assertEquals(600000L, read.longArg("positionMs").orElseThrow());
    }

    @Test
    void pluginActionIsNotAFrameType() {
        LiveException refused = assertThrows(LiveException.class, () -> decode(
                "{\"type\":\"plugin.action\",\"room\":9,\"action\":\"seek\",\"payload\":{}}"));
        assertEquals("bad-frame", refused.code());
    }

    @Test
    void theRoomActionJavadocShowsAFrameTheServerTakes() throws IOException {
        String source = Files.readString(ROOM_ACTION_SOURCE);
        String javadoc = source.substring(0, source.indexOf("public record RoomAction"));
        Matcher type = Pattern.compile("\"type\":\"([^\"]+)\"").matcher(javadoc);
        assertTrue(type.find(), "the RoomAction Javadoc shows the frame an action comes in");
        String documented = type.group(1);
        ClientFrame frame = decode("{\"type\":\"" + documented + "\",\"room\":9,\"action\":\"seek\",\"payload\":{}}");
        assertInstanceOf(ClientFrame.Action.class, frame, "the documented frame type '" + documented + "'");
    }
}
