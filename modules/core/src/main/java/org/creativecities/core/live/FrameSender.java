package org.creativecities.core.live;

import jakarta.websocket.Session;
import java.util.List;
import java.util.Optional;

/**
 * What the live engine needs from the WebSocket container beyond the standard API, in one place: writing frames that
 * were encoded once for all their recipients, and the peer's address. {@link TyrusFrameSender} writes them raw on
 * Payara's Tyrus; {@link StandardFrameSender} is the portable fallback ({@code RemoteEndpoint.Async.sendText}), chosen
 * with {@code ccc.live.frame-sender=standard} or wherever Tyrus's socket cannot be reached (it says so in the log and in
 * {@code /health}).
 */
interface FrameSender {

    /** How frames reach a connection: {@code raw} (pre-encoded bytes) or {@code standard} (the standard API). */
    enum Path {
        RAW, STANDARD;

        /** The name in {@code /health} and the configuration. */
        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The write side of one connection. */
    interface Channel {

        /** How this channel writes. */
        Path path();

        /**
         * Starts writing these frames, in this order, as one write where the container allows it. Never blocks;
         * {@code done} runs once, when the write completed (with null) or failed (with why), maybe on this thread
         * before this returns, maybe on a container thread that holds the container's own writer lock: it must
         * not call back into the container's standard send methods.
         *
         * @throws RuntimeException when the connection is closed or closing: nothing was written
         */
        void write(List<OutFrame> frames, java.util.function.Consumer<Throwable> done);
    }

    /** The channel to a newly opened connection; also takes the session's per-frame container costs off it. */
    Channel open(Session session);

    /** The peer's address of a session, when the container tells it. */
    Optional<String> remoteAddress(Session session);

    /** Releases the threads this sender started. */
    void shutdown();
}
