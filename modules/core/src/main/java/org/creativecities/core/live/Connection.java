package org.creativecities.core.live;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.creativecities.core.identity.Caller;

/** One open WebSocket connection: who it is, the rooms it joined, its outbound queue and its rate limit. */
final class Connection implements LivePeer {

    private final Session session;
    /** Who the connection acts for; looked up again when the account changes (see {@link LiveSessions}). */
    private volatile Optional<Caller.Identity> who;
    /** Set once its session ended: the connection acts for no one any more and is being closed. */
    private volatile boolean revoked;
    private final OutboundQueue queue;
    /** How frames reach the client (see {@link FrameSender}). */
    private final FrameSender.Channel channel;
    /** Told once when a write fails: the connection can take no more frames and must be closed. */
    private final Consumer<Connection> onBroken;
    private final Bucket bucket;
    private final String address;
    private final Set<Long> rooms = ConcurrentHashMap.newKeySet();
    private volatile Instant lastHeard = Instant.now();
    /** Set once the connection sent a frame to a {@link LiveExtension}, which must hear of its end. */
    private volatile boolean extended;
    /** Set when the extensions were told the connection is gone, so that they are told once. */
    private final AtomicBoolean leftExtensions = new AtomicBoolean();

    Connection(Session session, FrameSender.Channel channel, Optional<Caller.Identity> who, String address,
               int queueCapacity, int queueChars, Duration slowGrace, int framesPerMinute,
               Consumer<Connection> onOverflow, Consumer<Connection> onBroken) {
        this.session = session;
        this.channel = channel;
        this.who = who;
        this.address = address;
        this.onBroken = onBroken;
        this.queue = new OutboundQueue(queueCapacity, queueChars, slowGrace, System::nanoTime, this::sendNow,
                q -> onOverflow.accept(this));
        this.bucket = bucket(framesPerMinute);
    }

    /**
     * Hands frames to the container; {@code done} runs when they were written. A write that fails (or a socket
     * that is closed or closing) leaves a gap the client cannot see: nothing more is sent, and the connection is
     * closed, so that the client reconnects and resumes.
     */
    private void sendNow(java.util.List<OutFrame> frames, Runnable done) {
        try {
            channel.write(frames, failure -> {
                if (failure != null) {
                    broken();
                }
                done.run();
            });
        } catch (RuntimeException e) {
            broken();
            done.run();
        }
    }

    private void broken() {
        if (queue.closeIfOpen()) {
            onBroken.accept(this);
        }
    }

    static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }

    @Override
    public String id() {
        return session.getId();
    }

    /** The client's address (behind trusted proxies, the one they forwarded for). */
    String address() {
        return address;
    }

    Session session() {
        return session;
    }

    @Override
    public Optional<Caller.Identity> who() {
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

    /** Who the connection acts for; a visitor is refused ({@code unauthorized}). */
    Caller.Identity signedIn() {
        return who.orElseThrow(() -> new LiveException(LiveError.UNAUTHORIZED, "Sign in to do this."));
    }

    /** The room, which the connection must have joined ({@code not-joined} otherwise). */
    long joined(long roomId) {
        if (!rooms.contains(roomId)) {
            throw new LiveException(LiveError.NOT_JOINED, "Join room " + roomId + " first.");
        }
        return roomId;
    }

    /** Queues a frame for sending; never blocks. */
    void send(OutFrame frame) {
        queue.offer(frame);
    }

    /** Queues frames, in order, to go out together when nothing is in flight; never blocks. */
    void sendAll(java.util.List<OutFrame> frames) {
        queue.offerAll(frames);
    }

    /** Queues a frame meant for this connection alone; never blocks. */
    @Override
    public void send(String frame) {
        queue.offer(OutFrame.of(frame));
    }

    /** How frames reach this client. */
    FrameSender.Path path() {
        return channel.path();
    }

    /** Closes the connection as a slow consumer if its frame in flight has made no progress for the grace time. */
    void checkProgress() {
        queue.giveUpIfStalled();
    }

    /** Marks that the connection sent a frame to an extension. */
    void extended() {
        extended = true;
    }

    /** True the first time only: the extensions are to be told that the connection is gone. */
    boolean leftExtensions() {
        return leftExtensions.compareAndSet(false, true);
    }

    @Override
    public boolean isOpen() {
        return !leftExtensions.get() && !revoked && session.isOpen();
    }

    /** Whether the connection ever sent a frame to an extension. */
    boolean isExtended() {
        return extended;
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
