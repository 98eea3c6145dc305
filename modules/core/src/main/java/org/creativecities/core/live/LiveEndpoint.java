package org.creativecities.core.live;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;

/**
 * The one WebSocket endpoint of the platform, {@code /ws}: a thin adapter that hands every event to the
 * {@link LiveEngine}. Messages larger than {@link #MAX_FRAME} bytes close the connection with 1009: from the frame's
 * header, before Tyrus buffers it ({@link FrameLimitUpgradeHandler}); the endpoint's own size limits stay as a
 * second line.
 */
@ServerEndpoint(value = "/ws", configurator = LiveHandshake.class)
public class LiveEndpoint {

    /**
     * The largest text frame accepted: a message of {@link LiveService#MAX_TEXT} characters in any script and its JSON
     * envelope, even from a client that writes every non-ASCII character as a six-character JSON escape (6 bytes per
     * UTF-16 unit, as Python's {@code json.dumps} does by default). 6 × 16,384 + 1,024 = 99,328 bytes.
     */
    public static final int MAX_FRAME = LiveService.MAX_TEXT * 6 + 1024;

    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

    /** The engine's client proxy, looked up once per connection: {@code CDI.current()} is costly per frame. */
    private LiveEngine engine;

    private LiveEngine engine() {
        LiveEngine e = engine;
        if (e == null) {
            e = CDI.current().select(LiveEngine.class).get();
            engine = e;
        }
        return e;
    }

    @OnOpen
    public void open(Session session) {
        Object refused = session.getUserProperties().get(LiveHandshake.REFUSED);
        if (refused != null) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                        "authentication failed: " + refused));
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing a refused live connection failed", e);
            }
            return;
        }
        Caller.Identity who = (Caller.Identity) session.getUserProperties().get(LiveHandshake.IDENTITY);
        session.setMaxTextMessageBufferSize(MAX_FRAME);
        engine().open(session, Optional.ofNullable(who));
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void text(Session session, String text) {
        engine().frame(session, text);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        engine().pong(session);
    }

    @OnClose
    public void close(Session session) {
        engine().closed(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Live connection error", error);
    }
}
