package org.creativecities.core.live;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.creativecities.core.identity.Caller;

/** One open WebSocket connection: who it is, the rooms it joined, its outbound queue and its rate limit. */
final class Connection {

    private final Session session;
    /** Who the connection acts for; looked up again when the account changes (see {@link LiveSessions}). */
    private volatile Optional<Caller.Identity> who;
    /** Set once its session ended: the connection acts for no one any more and is being closed. */
    private volatile boolean revoked;
    private final OutboundQueue queue;
    /** Tyrus's socket of this connection, or null to send through the standard API (see {@link TyrusDirect}). */
    private final Object socket;
    private final Bucket bucket;
    private final String address;
    private final Set<Long> rooms = ConcurrentHashMap.newKeySet();
    private volatile Instant lastHeard = Instant.now();

    Connection(Session session, Optional<Caller.Identity> who, String address, int queueCapacity, int queueChars,
               Duration slowGrace, int framesPerMinute, Consumer<Connection> onOverflow) {
        this.session = session;
        this.who = who;
        this.address = address;
        TyrusDirect.withoutIdleTimerTasks(session);
        this.socket = TyrusDirect.webSocket(session);
        this.queue = new OutboundQueue(queueCapacity, queueChars, slowGrace, System::nanoTime, this::sendNow,
                q -> onOverflow.accept(this));
        this.bucket = bucket(framesPerMinute);
    }

    /** Hands one frame to the container; {@code done} runs when it was written (or failed). */
    private void sendNow(String frame, Runnable done) {
        try {
            if (socket != null) {
                TyrusDirect.send(socket, frame, result -> done.run());
            } else {
                withoutAppClassLoader(() -> session.getAsyncRemote().sendText(frame, result -> done.run()));
            }
        } catch (RuntimeException e) {
            // The socket is closed or closing: nothing more can be sent on it, and the others must not wait.
            queue.close();
            done.run();
        }
    }

    /**
     * Runs a Tyrus send with the platform class loader as the thread's context class loader. Tyrus (Payara 6)
     * re-arms its idle-timeout task on Payara's managed scheduler for every frame it sends, pings included, and
     * Payara captures the thread context for that task by a {@code ServiceLoader} scan of the context class loader:
     * with the web application's loader, a scan of every jar of the WAR and the runtime, per frame and per
     * recipient. Profiled, it was a third of the server's CPU in the fan-out benchmark (docs/benchmarks.md). The
     * platform loader has no such providers and the scheduled task needs none (our sessions have no idle timeout).
     */
    static void withoutAppClassLoader(Runnable send) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(PLATFORM);
        try {
            send.run();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }

    String id() {
        return session.getId();
    }

    /** The client's address (behind trusted proxies, the one they forwarded for). */
    String address() {
        return address;
    }

    Session session() {
        return session;
    }

    Optional<Caller.Identity> who() {
        return who;
    }

    /** Acts for the account as it is now (same session, rights and name looked up again). */
    void reauthorized(Caller.Identity now) {
        who = Optional.of(now);
    }

    /** Marks the connection's session as ended; it handles no further frames. */
    void revoke() {
        revoked = true;
    }

    boolean revoked() {
        return revoked;
    }

    Set<Long> rooms() {
        return rooms;
    }

    /** Queues a frame for sending; never blocks. */
    void send(String frame) {
        queue.offer(frame);
    }

    /** Closes the connection as a slow consumer if its frame in flight has made no progress for the grace time. */
    void checkProgress() {
        queue.giveUpIfStalled();
    }

    boolean tryConsume() {
        return bucket.tryConsume(1);
    }

    void heard() {
        lastHeard = Instant.now();
    }

    Instant lastHeard() {
        return lastHeard;
    }

    /** Stops queueing and closes the socket with this code and reason. */
    void close(CloseReason.CloseCode code, String reason) {
        queue.close();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (java.io.IOException | IllegalStateException e) {
            // The socket is already gone; nothing is left to close.
            rooms.clear();
        }
    }
}
