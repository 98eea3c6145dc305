package org.creativecities.core.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimiter;
import org.creativecities.core.membership.MembershipService;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.ClientAddress;
import org.creativecities.core.space.ModerationService;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.RoomKinds;
import org.creativecities.core.space.SpaceService;

/**
 * The live-room engine: takes each client frame from its connection to its answer. A frame is admitted (rate
 * limits, before parsing), decoded ({@link FrameDecoder}), authorised against the database, and then handled:
 * joins and leaves here, under the room's lock ({@link RoomHub}); sequenced writes (posts, edits, deletions,
 * reactions) queued for the room's writer ({@link RoomWriter}); plugin actions on the room kind's own queue. Who is
 * connected is kept in {@link Connections}; frames reach clients through the container's {@link FrameSender}.
 * Queueing a frame for a client never blocks (see {@link OutboundQueue}); a slow client is closed, not waited for.
 *
 * <p>Authorisation is checked on every frame, and connections of an account whose membership changed are re-checked
 * at once.
 */
@ApplicationScoped
public class LiveEngine {

    /** WebSocket close code for a consumer that cannot keep up (1013, try again later). */
    static final CloseReason.CloseCode SLOW_CONSUMER = CloseReason.CloseCodes.TRY_AGAIN_LATER;

    /** Threads that store, ack and broadcast posts, for all rooms (one drain per room at a time). */
    private static final int WRITERS = 2;

    private static final Logger LOG = Logger.getLogger(LiveEngine.class.getName());

    /** The refusals of a frame as such (not of what it asks for), logged through {@link RejectLog}. */
    private static final Set<LiveError> FRAME_REFUSALS = Set.of(LiveError.BAD_FRAME, LiveError.TOO_DEEP,
            LiveError.BAD_NUMBER);

    private final Connections connections = new Connections();
    private final ConcurrentMap<Long, RoomHub> hubs = new ConcurrentHashMap<>();

    @Inject
    private LiveService service;

    @Inject
    private MessageChanges changes;

    @Inject
    private PluginRoomAccess pluginRooms;

    @Inject
    private MessageReview review;

    @Inject
    private PostAdmission admission;

    @Inject
    private AppConfig config;

    @Inject
    private SpaceService spaces;

    /** The contexts outside the core that handle frame types of their own (see {@link LiveExtension}). */
    @Inject
    private Instance<LiveExtension> extensionBeans;

    @Inject
    private Instance<RoomOpening> openingBeans;

    /** The contexts that open some rooms only at a time (events' online rooms). */
    private List<RoomOpening> openings;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    private FrameSender sender;
    private ScheduledExecutorService timer;
    private ExecutorService closer;
    /** The rooms' writers' threads (see {@link RoomWriter}). */
    private ExecutorService writerThreads;
    private RoomWriter writer;
    private LiveExtensions extensions;
    /** Frames per account across all its connections; idle accounts' buckets are swept, so memory stays bounded. */
    private RateLimiter accountFrames;
    /** Visitors' frames per client address across all their connections; swept like {@link #accountFrames}. */
    private RateLimiter visitorFrames;
    /** Refused frames, logged at most once a minute per class of refusal. */
    private final RejectLog rejects = new RejectLog(LOG, Duration.ofMinutes(1), System::nanoTime);

    @PostConstruct
    void start() {
        sender = FrameSenders.choose(config.liveFrameSender());
        timer = Executors.newSingleThreadScheduledExecutor(daemon("ccc-live-ping"));
        closer = Executors.newCachedThreadPool(daemon("ccc-live-close"));
        AtomicInteger n = new AtomicInteger();
        // Managed threads: the application's context is captured once per thread, not once per batch.
        writerThreads = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-live-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        writer = new RoomWriter(service, admission, connections, writerThreads);
        extensions = new LiveExtensions(extensionBeans.stream().toList());
        openings = openingBeans.stream().toList();
        accountFrames = new RateLimiter(config.liveUserFramesPerMinute(), Duration.ofMinutes(1));
        visitorFrames = new RateLimiter(config.liveVisitorFramesPerMinute(), Duration.ofMinutes(1));
        long every = Math.max(1, config.livePingInterval().toMillis());
        timer.scheduleWithFixedDelay(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        closer.shutdownNow();
        writerThreads.shutdownNow();
        sender.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A new connection, authenticated at the handshake (or a visitor). */
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

    void closed(Session session) {
        connections.remove(session.getId()).ifPresent(c -> {
            for (Long roomId : Set.copyOf(c.rooms())) {
                leaveRoom(c, roomId);
            }
            leaveExtensions(c);
        });
    }

    /** Tells the extensions a connection that used them is gone; once per connection. */
    private void leaveExtensions(Connection c) {
        if (!c.isExtended() || !c.leftExtensions()) {
            return;
        }
        for (LiveExtension e : extensions.all()) {
            try {
                e.disconnected(c);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "A live extension failed to forget a connection", failure);
            }
        }
    }

    void pong(Session session) {
        connections.find(session.getId()).ifPresent(Connection::heard);
    }

    /** One text frame from a client. */
    void frame(Session session, String text) {
        Connection c = connections.find(session.getId()).orElse(null);
        if (c == null || c.revoked()) {
            return;
        }
        c.heard();
        LiveExtensions.Route route = extensions.claim(text);
        if (route != null) {
            extensionFrame(c, route, text);
            return;
        }
        String[] frameId = new String[1];
        Long roomId = null;
        try {
            if (!admitted(c)) {
                rateLimited(c, text);
                return;
            }
            FrameDecoder.Envelope envelope = FrameDecoder.envelope(text, id -> frameId[0] = id);
            roomId = envelope.room();
            handle(c, FrameDecoder.decode(envelope));
        } catch (RuntimeException e) {
            refused(c, e, frameId[0], roomId);
        }
    }

    private void rateLimited(Connection c, String text) {
        rejects.refused(LiveError.RATE_LIMITED.code());
        c.send(Frames.error(LiveError.RATE_LIMITED.code(), "Too many frames; slow down.",
                FrameDecoder.idOf(text).orElse(null), null));
    }

    /** Answers a frame that was refused ({@link LiveException}) or failed. */
    private void refused(Connection c, RuntimeException failure, String frameId, Long roomId) {
        if (failure instanceof LiveException e) {
            if (FRAME_REFUSALS.contains(e.error())) {
                rejects.refused(e.code());
            }
            c.send(Frames.error(e.code(), e.getMessage(), frameId, roomId));
        } else {
            rejects.failed(failure);
            c.send(Frames.error(LiveError.INTERNAL.code(), "The server could not handle this frame; try again.",
                    frameId, roomId));
        }
    }

    /**
     * A frame of an extension: its own rate limits (visitors: the visitors' limit), then the checks every frame
     * gets, then the extension. The type parsed must be the one the limits were charged to.
     */
    private void extensionFrame(Connection c, LiveExtensions.Route route, String text) {
        String[] frameId = new String[1];
        try {
            boolean admitted = c.who().map(w -> route.admit(c.id(), w.id()))
                    .orElseGet(() -> visitorFrames.tryAcquire(c.address()).isEmpty());
            if (!admitted) {
                rateLimited(c, text);
                return;
            }
            FrameDecoder.Parsed parsed = FrameDecoder.parsed(text, id -> frameId[0] = id);
            if (extensions.routeOf(parsed.type()).orElse(null) != route) {
                throw new LiveException(LiveError.BAD_FRAME, "A frame has one 'type'.");
            }
            c.extended();
            route.extension.frame(c, parsed.body());
        } catch (LiveRefusal e) {
            c.send(Frames.error(e.code(), e.getMessage(), frameId[0], e.scope(), e.scopeId()));
        } catch (RuntimeException e) {
            refused(c, e, frameId[0], null);
        }
    }

    /**
     * Rate limits, before a frame is parsed: per connection, per account over all its connections, and for
     * visitors per client address over all their connections.
     */
    private boolean admitted(Connection c) {
        return c.tryConsume() && c.who()
                .map(w -> accountFrames.tryAcquire(Long.toString(w.id())).isEmpty())
                .orElseGet(() -> visitorFrames.tryAcquire(c.address()).isEmpty());
    }

    private void handle(Connection c, ClientFrame frame) {
        if (frame instanceof ClientFrame.Join f) {
            join(c, f.room(), f.since(), f.id());
        } else if (frame instanceof ClientFrame.Leave f) {
            leaveRoom(c, f.room());
            c.send(Frames.left(f.room(), f.id()));
        } else if (frame instanceof ClientFrame.Post f) {
            post(c, f);
        } else if (frame instanceof ClientFrame.Edit f) {
            long room = roomRequired(c, f.room());
            String html = MessageRenderer.html(f.text());
            write(c, room, f.id(), who -> changes.edit(who, room, f.target(), f.text(), html));
        } else if (frame instanceof ClientFrame.Delete f) {
            long room = roomRequired(c, f.room());
            write(c, room, f.id(), who -> changes.delete(who, room, f.target()));
        } else if (frame instanceof ClientFrame.React f) {
            long room = roomRequired(c, f.room());
            write(c, room, f.id(), who -> changes.react(who, room, f.target(), f.emoji(), f.add()));
        } else if (frame instanceof ClientFrame.Typing f) {
            typing(c, f.room());
        } else if (frame instanceof ClientFrame.Action f) {
            action(c, f.room(), f.frame(), f.id());
        }
    }

    /**
     * A join: for a plugin room in the kind's turn (its snapshot is the welcome's state), then, once the room's lock
     * and the kind's queue are released, the kind hears of the signed-in joiner ({@link RoomKinds#joined}) without
     * anyone waiting for it.
     */
    private void join(Connection c, long roomId, Long since, String frameId) {
        Room room = service.readable(c.who(), roomId);
        for (RoomOpening opening : openings) {
            Optional<String> notYet = opening.notOpenYet(roomId);
            if (notYet.isPresent()) {
                throw new LiveException(LiveError.NOT_OPEN, notYet.get());
            }
        }
        Optional<RoomKinds> kinds = Room.DISCUSSION.equals(room.kind()) ? Optional.empty()
                : spaces.provider(room.kind());
        if (kinds.isEmpty()) {
            joinLocked(c, roomId, since, null, frameId);
            return;
        }
        hub(roomId).room = room;
        boolean arrived = kinds.get().withSnapshot(room, state -> joinLocked(c, roomId, since, state.orElse(null),
                frameId));
        c.who().ifPresent(w -> kinds.get().joined(room, pluginRooms.participant(w, room), arrived));
    }

    /** @return true when it is the person's first connection in the room */
    private boolean joinLocked(Connection c, long roomId, Long since, JsonObject roomState, String frameId) {
        RoomHub hub = hub(roomId);
        hub.lock.lock();
        try {
            LiveService.Joined joined = service.join(c.who(), roomId, since, config.liveResumeMax());
            Room room = joined.room();
            c.rooms().add(roomId);
            boolean arrived = hub.enter(c, online -> Frames.welcome(roomId, room.kind(), room.lastSeq(), online,
                    joined.replay().size(), roomState, frameId));
            if (joined.plan().action() == ResumePlan.Action.RESET) {
                c.send(Frames.reset(roomId, room.lastSeq(), "You are too far behind: fetch the history over REST "
                        + "up to seq " + room.lastSeq() + "; live events after it follow here.", null));
            }
            for (RoomEvent e : joined.replay()) {
                c.send(Frames.event(e).toString());
            }
            return arrived;
        } finally {
            hub.lock.unlock();
        }
    }

    /** A connection leaves a room; a plugin room's kind hears when it was the person's last connection there. */
    private void leaveRoom(Connection c, long roomId) {
        c.rooms().remove(roomId);
        RoomHub hub = hubs.get(roomId);
        if (hub != null && hub.leave(c)) {
            Room room = hub.room;
            if (room != null) {
                spaces.provider(room.kind()).ifPresent(k -> k.left(room, c.who().orElseThrow().id()));
            }
        }
    }

    /**
     * Admits, renders and reviews a post and finds whom it mentions, on the thread that read it, then queues it for
     * the room's writer: rights, Markdown, the plugins' hooks and mention look-ups never run under the room's lock
     * or in its transaction.
     */
    private void post(Connection c, ClientFrame.Post f) {
        Caller.Identity who = signedIn(c);
        long room = roomRequired(c, f.room());
        PostAdmission.Verdict verdict = admission.admit(who, room);
        if (verdict instanceof PostAdmission.Refused refused) {
            if (refused.reason().error() != LiveError.FORBIDDEN) {
                throw refused.reason();
            }
            // Queued all the same: the writer answers a retry of a post already stored with its ack.
            writer.enqueue(hub(room), new RoomWriter.Pending(c, f.id(),
                    new LiveService.PostRequest(who, f.clientMessageId(), f.text(), f.replyTo(), verdict)));
            return;
        }
        LiveService.PostRequest reviewed = review.review(room,
                new LiveService.PostRequest(who, f.clientMessageId(), f.text(), f.replyTo(), verdict));
        Mentions found = Mentions.in(reviewed.text());
        LiveService.PostRequest request = found.isEmpty() ? reviewed
                : reviewed.mentioning(service.mentionable(who, room, found));
        writer.enqueue(hub(room), new RoomWriter.Pending(c, f.id(), request));
    }

    /** Queues an edit, deletion or reaction behind the room's earlier writes. */
    private void write(Connection c, long roomId, String frameId,
                       java.util.function.Function<Caller.Identity, RoomEvent> action) {
        writer.enqueue(hub(roomId), new RoomWriter.Write(c, frameId, signedIn(c), action));
    }

    private void typing(Connection c, long roomId) {
        Caller.Identity who = signedIn(c);
        roomRequired(c, roomId);
        service.readable(Optional.of(who), roomId);
        RoomHub hub = hubs.get(roomId);
        if (hub != null) {
            hub.broadcastExcept(c, Frames.typing(roomId, Frames.user(who.id(), who.displayName())));
        }
    }

    /**
     * A plugin action: authorised here, then decided by the room's kind on the room's own queue (in arrival
     * order, one at a time per room), without the room's lock, so ordinary messages and other rooms never
     * wait for a plugin. The answer goes out when the kind has decided.
     */
    private void action(Connection c, long roomId, JsonObject f, String frameId) {
        Caller.Identity who = signedIn(c);
        roomRequired(c, roomId);
        Room room = service.readable(c.who(), roomId);
        Optional<RoomKinds> kinds = Room.DISCUSSION.equals(room.kind()) ? Optional.empty()
                : spaces.provider(room.kind());
        if (kinds.isEmpty()) {
            throw new LiveException(LiveError.UNSUPPORTED_KIND, "Rooms of kind '" + room.kind() + "' take no actions.");
        }
        PluginRoomAccess.Acting acting = pluginRooms.acting(who, roomId);
        String kind = room.kind();
        kinds.get().act(acting.room(), acting.actor(), f).whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Plugin action failed", error);
                c.send(Frames.error(LiveError.PLUGIN_FAILED.code(), "The room's plugin failed; try again.", frameId,
                        roomId));
                return;
            }
            if (outcome.refusal().isPresent()) {
                c.send(Frames.error(outcome.refusal().get().code(), outcome.refusal().get().reason(), frameId,
                        roomId));
                return;
            }
            RoomHub hub = hub(roomId);
            outcome.state().ifPresent(state -> hub.broadcast(Frames.pluginState(roomId, kind, state)));
            for (RoomKinds.KindEvent e : outcome.broadcast()) {
                hub.broadcast(Frames.pluginEvent(roomId, kind, e.type(), e.payload(), null));
            }
            for (RoomKinds.KindEvent e : outcome.replies()) {
                c.send(Frames.pluginEvent(roomId, kind, e.type(), e.payload(), frameId));
            }
        });
    }

    /** Re-checks, after the change committed, every room the account's connections are in. */
    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                           MembershipService.MembershipChanged event) {
        for (Connection c : connections.of(event.accountId())) {
            for (Long roomId : Set.copyOf(c.rooms())) {
                try {
                    service.readable(c.who(), roomId);
                } catch (LiveException e) {
                    leaveRoom(c, roomId);
                    c.send(Frames.error(LiveError.ACCESS_REVOKED.code(), "You can no longer read this room.", null,
                            roomId));
                }
            }
        }
    }

    /** Kicked or banned people leave the rooms concerned at once, after the action committed. */
    void moderated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModerationService.Moderated event) {
        if (!event.action().equals("kick") && !event.action().equals("ban")) {
            return;
        }
        String code = (event.action().equals("kick") ? LiveError.KICKED : LiveError.BANNED).code();
        for (Connection c : connections.of(event.accountId())) {
            for (Long roomId : event.roomIds()) {
                if (c.rooms().contains(roomId)) {
                    leaveRoom(c, roomId);
                    c.send(Frames.error(code, "A moderator removed you from this room.", null, roomId));
                }
            }
        }
    }

    /**
     * A deleted room (after the commit): everyone in it leaves it at once, told with an {@code error} frame
     * {@code room-deleted}, and its hub is dropped. Its kind hears {@code deleted} instead of a {@code left} for each.
     */
    void roomDeleted(long roomId) {
        RoomHub hub = hubs.remove(roomId);
        if (hub == null) {
            return;
        }
        hub.lock.lock();
        try {
            for (Connection c : hub.connections()) {
                c.rooms().remove(roomId);
                hub.leave(c);
                c.send(Frames.error(LiveError.ROOM_DELETED.code(), "This room was deleted.", null, roomId));
            }
        } finally {
            hub.lock.unlock();
        }
    }

    /** Every open connection, now. */
    List<Connection> connections() {
        return connections.all();
    }

    /** The account's open connections, now. */
    Set<Connection> connectionsOf(long accountId) {
        return connections.of(accountId);
    }

    /** How many open connections write through this path. */
    long connectionsWriting(FrameSender.Path path) {
        return connections.count(path);
    }

    /** The name of the container's frame sender in use. */
    String frameSender() {
        return sender.getClass() == TyrusFrameSender.class ? "tyrus" : "standard";
    }

    /** The connection's session ended: it leaves its rooms at once, handles no further frame and is closed. */
    void sessionEnded(Connection c, CloseReason.CloseCode code, String reason) {
        c.revoke();
        for (Long roomId : Set.copyOf(c.rooms())) {
            leaveRoom(c, roomId);
        }
        leaveExtensions(c);
        closeLater(c, code, reason);
    }

    /**
     * Closes a slow consumer. It leaves its rooms on the closing thread: this runs while a room's fan-out holds that
     * room's presence lock, and leaving takes the presence lock of each room the connection is in.
     */
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
            for (Long roomId : Set.copyOf(c.rooms())) {
                leaveRoom(c, roomId);
            }
            leaveExtensions(c);
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

    /** The room's hub, made on first use. */
    RoomHub hub(long roomId) {
        return hubs.computeIfAbsent(roomId, RoomHub::new);
    }

    /** The room's hub if anyone used the room since the start, else null. */
    RoomHub existingHub(long roomId) {
        return hubs.get(roomId);
    }

    private static Caller.Identity signedIn(Connection c) {
        return c.who().orElseThrow(() -> new LiveException(LiveError.UNAUTHORIZED, "Sign in to do this."));
    }

    private static long roomRequired(Connection c, long roomId) {
        if (!c.rooms().contains(roomId)) {
            throw new LiveException(LiveError.NOT_JOINED, "Join room " + roomId + " first.");
        }
        return roomId;
    }
}
