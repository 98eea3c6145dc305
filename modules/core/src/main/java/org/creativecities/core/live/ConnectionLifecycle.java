package org.creativecities.core.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.ClientAddress;

/**
 * A connection from its {@code hello} to its close: opened (at most so many per account), kept alive with pings,
 * and closed when it is idle, cannot keep up (a slow consumer, 1013), missed a frame (a failed write), its session
 * ended, or the client went away. However it ends, it leaves its rooms ({@link RoomEntry}) and its extensions hear
 * of it ({@link ExtensionFrames}). Closing runs on a thread of its own: a slow consumer is noticed while a room's
 * fan-out holds that room's presence lock, and leaving takes the presence lock of each room the connection is in.
 */
final class ConnectionLifecycle {

    /** WebSocket close code for a consumer that cannot keep up (1013, try again later). */
    static final CloseReason.CloseCode SLOW_CONSUMER = CloseReason.CloseCodes.TRY_AGAIN_LATER;

    private static final Logger LOG = Logger.getLogger(ConnectionLifecycle.class.getName());

    private final AppConfig config;
    private final FrameSender sender;
    private final Connections connections;
    private final RoomEntry entry;
    private final ExtensionFrames extensions;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ccc-live-ping"));
    private final ExecutorService closer = Executors.newCachedThreadPool(daemon("ccc-live-close"));

    ConnectionLifecycle(AppConfig config, FrameSender sender, Connections connections, RoomEntry entry,
                        ExtensionFrames extensions) {
        this.config = config;
        this.sender = sender;
        this.connections = connections;
        this.entry = entry;
        this.extensions = extensions;
    }

    /** Starts pinging every connection, every {@code ccc.live.ping-interval}. */
    void start() {
        long every = Math.max(1, config.livePingInterval().toMillis());
        timer.scheduleWithFixedDelay(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
        closer.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A new connection, authenticated at the handshake (or a visitor): registered and greeted with {@code hello}. */
    void open(Session session, Optional<Caller.Identity> who) {
        String address = ClientAddress.resolve(sender.remoteAddress(session).orElse("unknown"),
                (String) session.getUserProperties().get(LiveHandshake.FORWARDED_FOR), config.trustedProxies());
        Connection c = new Connection(session, sender.open(session), who, address, config.liveOutboundQueue(),
                config.liveOutboundQueueChars(), config.liveSlowConsumerGrace(), config.liveConnectionFramesPerMinute(),
                this::slowConsumer, this::writeFailed);
        if (!connections.add(c, config.liveMaxConnectionsPerUser())) {
            closeLater(c, CloseReason.CloseCodes.VIOLATED_POLICY, "too many connections");
            return;
        }
        c.send(Frames.hello(who));
    }

    /** The client's socket closed. */
    void closed(Session session) {
        connections.remove(session.getId()).ifPresent(c -> {
            entry.leaveAll(c);
            extensions.disconnected(c);
        });
    }

    void pong(Session session) {
        connections.find(session.getId()).ifPresent(Connection::heard);
    }

    /** The connection's session ended: it leaves its rooms at once, handles no further frame and is closed. */
    void sessionEnded(Connection c, CloseReason.CloseCode code, String reason) {
        c.revoke();
        entry.leaveAll(c);
        extensions.disconnected(c);
        closeLater(c, code, reason);
    }

    /** Closes a slow consumer; it leaves its rooms on the closing thread. */
    private void slowConsumer(Connection c) {
        LOG.info(() -> "Closing live connection " + c.id() + ": slow consumer");
        leaveAndClose(c, SLOW_CONSUMER, "slow consumer");
    }

    /** A write to the connection failed: it missed frames, so it is closed and its client reconnects and resumes. */
    private void writeFailed(Connection c) {
        LOG.fine(() -> "Closing live connection " + c.id() + ": a write failed");
        leaveAndClose(c, CloseReason.CloseCodes.GOING_AWAY, "write failed");
    }

    private void leaveAndClose(Connection c, CloseReason.CloseCode code, String reason) {
        closer.execute(() -> {
            entry.leaveAll(c);
            extensions.disconnected(c);
            c.close(code, reason);
        });
    }

    private void closeLater(Connection c, CloseReason.CloseCode code, String reason) {
        closer.execute(() -> c.close(code, reason));
    }

    private void pingAll() {
        Instant idleSince = Instant.now().minus(config.liveIdleTimeout());
        for (Connection c : connections.all()) {
            c.checkProgress();
            if (c.lastHeard().isBefore(idleSince)) {
                LOG.info(() -> "Closing live connection " + c.id() + ": idle timeout");
                closeLater(c, CloseReason.CloseCodes.GOING_AWAY, "idle timeout");
                continue;
            }
            try {
                StandardFrameSender.withoutAppClassLoader(() -> {
                    try {
                        c.session().getAsyncRemote().sendPing(ByteBuffer.wrap(new byte[] {'p'}));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException | IllegalStateException e) {
                closeLater(c, CloseReason.CloseCodes.GOING_AWAY, "ping failed");
            }
        }
    }
}
