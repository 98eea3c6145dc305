package org.creativecities.core.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.BearerAuthenticationFilter;
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
 * The live-room engine: open connections, the rooms they joined, and the handling of every client frame.
 *
 * <p>Each room has a hub with a lock. Every sequenced write to a room (post, edit, delete, reaction) and every
 * join runs under that lock: the transaction commits, the sender gets its ack, and the event is queued to
 * the room's connections before the next write starts. Posts are not stored by the thread that read them:
 * they wait in the room's queue for its writer, which stores all that are waiting in one transaction (group
 * commit), then acks and broadcasts them in seq order. So the order in which clients receive events is the
 * sequence order, and a joining client's replay and the live events that follow it have no gap and no
 * overlap. Queueing never blocks (see {@link OutboundQueue}); a slow client is closed, not waited for. Rooms
 * never share a lock.
 *
 * <p>Authorisation is checked on every frame against the database, and connections of an account whose
 * membership changed are re-checked at once.
 */
@ApplicationScoped
public class LiveEngine {

    /** WebSocket close code for a consumer that cannot keep up (1013, try again later). */
    static final CloseReason.CloseCode SLOW_CONSUMER = CloseReason.CloseCodes.TRY_AGAIN_LATER;

    /** Threads that store, ack and broadcast posts, for all rooms (one drain per room at a time). */
    private static final int WRITERS = 2;

    private static final Logger LOG = Logger.getLogger(LiveEngine.class.getName());

    /** Created once: {@code Json.createReader} looks the JSON-P provider up (a class-path scan) on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

    /** The refusals of a frame as such (not of what it asks for), logged through {@link RejectLog}. */
    private static final Set<String> FRAME_REFUSALS = Set.of("bad-frame", "too-deep", "bad-number");

    /** Most posts stored in one transaction by a room's writer. */
    static final int MAX_BATCH = 256;

    /**
     * Most characters of text in one batch (beyond its first post): a batch's broadcast, sent to every member in
     * one burst, stays well below a connection's {@code ccc.live.outbound-queue-chars}, even with every post at the
     * longest text and its rendered HTML.
     */
    static final int MAX_BATCH_TEXT = 512 * 1024;

    private static final class Hub {
        final long roomId;
        final ReentrantLock lock = new ReentrantLock();
        final Set<Connection> members = ConcurrentHashMap.newKeySet();
        /**
         * The signed-in people with a connection in the room, in order of arrival, with how many of their
         * connections are in; guarded by itself. A person's arrival and departure are announced once (presence),
         * not per connection, and a joiner's {@code online} list is read from here, not from every member.
         */
        final Map<Long, Online> online = new LinkedHashMap<>();
        /**
         * Sequenced writes waiting for the room's writer, in arrival order; {@link #writing} while a drain of them
         * is queued or running.
         */
        final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean writing = new AtomicBoolean();

        Hub(long roomId) {
            this.roomId = roomId;
        }
    }

    private static final class Online {
        final JsonObject user;
        int connections;

        Online(JsonObject user) {
            this.user = user;
        }
    }

    /**
     * A sequenced write accepted from a connection, waiting for its room's writer. Posts, edits, deletions and
     * reactions share one queue per room, so a connection's writes to a room take seqs in the order it sent them.
     */
    private sealed interface Queued permits Pending, Write {
        Connection from();

        String frameId();
    }

    /** A post: stored with the posts queued next to it, in one transaction. */
    private record Pending(Connection from, String frameId, LiveService.PostRequest request) implements Queued {
    }

    /** An edit, deletion or reaction, already validated: applied on its own. */
    private record Write(Connection from, String frameId, Caller.Identity who,
                         java.util.function.Function<Caller.Identity, RoomEvent> action) implements Queued {
    }

    private final ConcurrentMap<String, Connection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Set<Connection>> byAccount = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Hub> hubs = new ConcurrentHashMap<>();

    @Inject
    private LiveService service;

    @Inject
    private MessageReview review;

    @Inject
    private AppConfig config;

    @Inject
    private SpaceService spaces;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    private ScheduledExecutorService timer;
    private ExecutorService closer;
    /**
     * The rooms' writers: a room's posts are stored, acked and broadcast by one drain at a time, in batches, on
     * these threads; the threads that read frames only queue posts and never wait for the database.
     */
    private ExecutorService writers;
    /** Frames per account across all its connections; idle accounts' buckets are swept, so memory stays bounded. */
    private RateLimiter accountFrames;
    /** Visitors' frames per client address across all their connections; swept like {@link #accountFrames}. */
    private RateLimiter visitorFrames;
    /** Refused frames, logged at most once a minute per class of refusal. */
    private final RejectLog rejects = new RejectLog(LOG, Duration.ofMinutes(1), System::nanoTime);

    @PostConstruct
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(daemon("ccc-live-ping"));
        closer = Executors.newCachedThreadPool(daemon("ccc-live-close"));
        AtomicInteger n = new AtomicInteger();
        // Managed threads: the application's context is captured once per thread, not once per batch.
        writers = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-live-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        accountFrames = new RateLimiter(config.liveUserFramesPerMinute(), Duration.ofMinutes(1));
        visitorFrames = new RateLimiter(config.liveVisitorFramesPerMinute(), Duration.ofMinutes(1));
        long every = Math.max(1, config.livePingInterval().toMillis());
        timer.scheduleWithFixedDelay(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        closer.shutdownNow();
        writers.shutdownNow();
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
        String address = ClientAddress.resolve(
                TyrusDirect.remoteAddress(session).orElse("unknown"),
                (String) session.getUserProperties().get(LiveHandshake.FORWARDED_FOR), config.trustedProxies());
        Connection c = new Connection(session, who, address, config.liveOutboundQueue(),
                config.liveOutboundQueueChars(), config.liveSlowConsumerGrace(), config.liveConnectionFramesPerMinute(), this::slowConsumer);
        if (who.isPresent()) {
            Set<Connection> mine = byAccount.computeIfAbsent(who.get().id(), k -> ConcurrentHashMap.newKeySet());
            synchronized (mine) {
                if (mine.size() >= config.liveMaxConnectionsPerUser()) {
                    closeLater(c, CloseReason.CloseCodes.VIOLATED_POLICY, "too many connections");
                    return;
                }
                mine.add(c);
            }
        }
        connections.put(c.id(), c);
        c.send(Frames.hello(who));
    }

    void closed(Session session) {
        Connection c = connections.remove(session.getId());
        if (c == null) {
            return;
        }
        c.who().ifPresent(w -> {
            Set<Connection> mine = byAccount.get(w.id());
            if (mine != null) {
                synchronized (mine) {
                    mine.remove(c);
                }
            }
        });
        for (Long roomId : Set.copyOf(c.rooms())) {
            leaveRoom(c, roomId);
        }
    }

    void pong(Session session) {
        Connection c = connections.get(session.getId());
        if (c != null) {
            c.heard();
        }
    }

    /** One text frame from a client. */
    void frame(Session session, String text) {
        Connection c = connections.get(session.getId());
        if (c == null || c.revoked()) {
            return;
        }
        c.heard();
        String frameId = null;
        Long roomId = null;
        try {
            if (!admitted(c)) {
                rejects.refused("rate-limited");
                c.send(Frames.error("rate-limited", "Too many frames; slow down.", FrameGuard.frameId(text).orElse(null),
                        null));
                return;
            }
            FrameGuard.check(text);
            JsonObject f = parse(text);
            frameId = optionalString(f, "id").orElse(null);
            String type = optionalString(f, "type")
                    .orElseThrow(() -> new LiveException("bad-frame", "Every frame needs a 'type'."));
            roomId = requiredLong(f, "room");
            handle(c, f, type, roomId, frameId);
        } catch (LiveException e) {
            if (FRAME_REFUSALS.contains(e.code())) {
                rejects.refused(e.code());
            }
            c.send(Frames.error(e.code(), e.getMessage(), frameId, roomId));
        } catch (RuntimeException e) {
            rejects.failed(e);
            c.send(Frames.error("internal", "The server could not handle this frame; try again.", frameId, roomId));
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

    private void handle(Connection c, JsonObject f, String type, long roomId, String frameId) {
        switch (type) {
            case "join" -> join(c, roomId, optionalLong(f, "since").orElse(null), frameId);
            case "leave" -> {
                leaveRoom(c, roomId);
                c.send(Frames.left(roomId, frameId));
            }
            case "post" -> post(c, roomId, f, frameId);
            case "edit" -> {
                long room = roomRequired(c, roomId);
                long target = requiredLong(f, "target");
                String text = requiredString(f, "text");
                String html = MessageRenderer.html(text);
                write(c, room, frameId, who -> service.edit(who, room, target, text, html));
            }
            case "delete" -> {
                long room = roomRequired(c, roomId);
                long target = requiredLong(f, "target");
                write(c, room, frameId, who -> service.delete(who, room, target));
            }
            case "react" -> {
                String action = optionalString(f, "action").orElse("add");
                if (!action.equals("add") && !action.equals("remove")) {
                    throw new LiveException("bad-frame", "'action' is add or remove.");
                }
                long room = roomRequired(c, roomId);
                long target = requiredLong(f, "target");
                String emoji = requiredString(f, "emoji");
                write(c, room, frameId, who -> service.react(who, room, target, emoji, action.equals("add")));
            }
            case "typing" -> typing(c, roomId);
            case "action" -> action(c, roomId, f, frameId);
            default -> throw new LiveException("bad-frame", "Unknown frame type '" + type + "'.");
        }
    }

    private void join(Connection c, long roomId, Long since, String frameId) {
        Room room = service.readable(c.who(), roomId);
        Optional<RoomKinds> kinds = Room.DISCUSSION.equals(room.kind()) ? Optional.empty()
                : spaces.provider(room.kind());
        if (kinds.isEmpty()) {
            joinLocked(c, roomId, since, null, frameId);
            return;
        }
        kinds.get().withSnapshot(room, state -> {
            joinLocked(c, roomId, since, state.orElse(null), frameId);
            return null;
        });
    }

    private void joinLocked(Connection c, long roomId, Long since, JsonObject roomState, String frameId) {
        Hub hub = hub(roomId);
        hub.lock.lock();
        try {
            LiveService.Joined joined = service.join(c.who(), roomId, since, config.liveResumeMax());
            Room room = joined.room();
            c.rooms().add(roomId);
            synchronized (hub.online) {
                // The others hear of a person's first connection only: one frame, encoded once, per arrival.
                if (hub.members.add(c) && c.who().isPresent() && arrived(hub, c.who().get())) {
                    Caller.Identity w = c.who().get();
                    broadcastExcept(hub, c, Frames.presence(roomId, "joined", Frames.user(w.id(), w.displayName())));
                }
                List<JsonObject> online = new ArrayList<>(hub.online.size());
                hub.online.values().forEach(o -> online.add(o.user));
                c.send(Frames.welcome(roomId, room.kind(), room.lastSeq(), online, joined.replay().size(), roomState,
                        frameId));
            }
            if (joined.plan().action() == ResumePlan.Action.RESET) {
                c.send(Frames.reset(roomId, room.lastSeq(), "You are too far behind: fetch the history over REST "
                        + "up to seq " + room.lastSeq() + "; live events after it follow here.", null));
            }
            for (RoomEvent e : joined.replay()) {
                c.send(Frames.event(e).toString());
            }
        } finally {
            hub.lock.unlock();
        }
    }

    /** Counts a connection of this person in; true when it is their first in the room. Under {@code hub.online}. */
    private static boolean arrived(Hub hub, Caller.Identity w) {
        Online o = hub.online.computeIfAbsent(w.id(), id -> new Online(Frames.user(id, w.displayName())));
        return o.connections++ == 0;
    }

    private void leaveRoom(Connection c, long roomId) {
        c.rooms().remove(roomId);
        Hub hub = hubs.get(roomId);
        if (hub == null) {
            return;
        }
        synchronized (hub.online) {
            if (hub.members.remove(c) && c.who().isPresent()) {
                Caller.Identity w = c.who().get();
                Online o = hub.online.get(w.id());
                if (o != null && --o.connections == 0) {
                    hub.online.remove(w.id());
                    broadcastExcept(hub, c, Frames.presence(roomId, "left", o.user));
                }
            }
        }
    }

    private void post(Connection c, long roomId, JsonObject f, String frameId) {
        Caller.Identity who = signedIn(c);
        long room = roomRequired(c, roomId);
        String clientMessageId = requiredString(f, "clientMessageId");
        if (clientMessageId.isBlank() || clientMessageId.length() > 64) {
            throw new LiveException("bad-frame", "'clientMessageId' has 1 to 64 characters.");
        }
        String text = requiredString(f, "text");
        Long replyTo = optionalLong(f, "replyTo").orElse(null);
        LiveService.checkText(text);
        // The plugins review the post here, on the thread that read it: never under the room's lock.
        LiveService.PostRequest request = review.review(room,
                new LiveService.PostRequest(who, clientMessageId, text, replyTo));
        enqueue(hub(room), new Pending(c, frameId, request));
    }

    private void enqueue(Hub hub, Queued write) {
        hub.queue.add(write);
        if (hub.writing.compareAndSet(false, true)) {
            writers.execute(() -> drain(hub));
        }
    }

    /**
     * One turn of a room's writer: stores up to {@link #MAX_BATCH} waiting posts (and {@link #MAX_BATCH_TEXT}
     * characters of text) in one transaction, then acks
     * each sender and broadcasts each new message (encoded once) in seq order, under the room's lock like every
     * other sequenced write and every join. A room with more waiting posts is queued again behind the other
     * rooms, so a busy room does not keep a writer to itself.
     */
    private void drain(Hub hub) {
        // Only this drain takes from the queue (writing is set), so what peek() shows is what poll() takes.
        List<Queued> taken = new ArrayList<>();
        List<Pending> batch = new ArrayList<>();
        int text = 0;
        while (batch.size() < MAX_BATCH && hub.queue.peek() instanceof Pending p
                && (batch.isEmpty() || text + p.request().text().length() <= MAX_BATCH_TEXT)) {
            hub.queue.poll();
            batch.add(p);
            text += p.request().text().length();
        }
        taken.addAll(batch);
        Write single = null;
        if (batch.isEmpty() && hub.queue.peek() instanceof Write w) {
            hub.queue.poll();
            single = w;
            taken.add(w);
        }
        try {
            if (!batch.isEmpty()) {
                publish(hub, batch);
            } else if (single != null) {
                apply(hub, single);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A room's writer failed", e);
            for (Queued failed : taken) {
                failed.from().send(Frames.error("internal", "The server could not handle this frame; try again.",
                        failed.frameId(), hub.roomId));
            }
        } finally {
            hub.writing.set(false);
            if (!hub.queue.isEmpty() && hub.writing.compareAndSet(false, true)) {
                writers.execute(() -> drain(hub));
            }
        }
    }

    private void publish(Hub hub, List<Pending> batch) {
        List<LiveService.PostRequest> requests = new ArrayList<>(batch.size());
        batch.forEach(p -> requests.add(p.request()));
        hub.lock.lock();
        try {
            List<LiveService.PostOutcome> outcomes;
            try {
                outcomes = service.postBatch(hub.roomId, requests);
            } catch (RuntimeException e) {
                // The batch's transaction failed as a whole (e.g. a constraint at commit): each post alone, so
                // that one bad post costs only its own sender an error.
                outcomes = new ArrayList<>(batch.size());
                for (LiveService.PostRequest r : requests) {
                    outcomes.add(alone(hub.roomId, r, batch.size() == 1 ? e : null));
                }
            }
            List<String> frames = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                LiveService.PostOutcome outcome = outcomes.get(i);
                if (outcome.refusal() != null) {
                    pending.from().send(Frames.error(outcome.refusal().code(), outcome.refusal().getMessage(),
                            pending.frameId(), hub.roomId));
                    continue;
                }
                LiveService.Posted posted = outcome.posted();
                pending.from().send(Frames.ack(posted.event(), posted.duplicate(), pending.frameId()));
                if (!posted.duplicate()) {
                    frames.add(Frames.event(posted.event()).toString());
                }
            }
            for (Connection member : hub.members) {
                for (String frame : frames) {
                    member.send(frame);
                }
            }
            for (LiveService.PostOutcome outcome : outcomes) {
                if (outcome.posted() != null && !outcome.posted().duplicate()) {
                    notifyMentioned(outcome.posted());
                }
            }
        } finally {
            hub.lock.unlock();
        }
    }

    /** One post in a transaction of its own; a failure becomes its refusal. */
    private LiveService.PostOutcome alone(long roomId, LiveService.PostRequest r, RuntimeException known) {
        RuntimeException failure = known;
        if (failure == null) {
            try {
                return service.postBatch(roomId, List.of(r)).get(0);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure instanceof LiveException live) {
            return new LiveService.PostOutcome(null, live);
        }
        LOG.log(Level.WARNING, "A live post failed", failure);
        return new LiveService.PostOutcome(null,
                new LiveException("internal", "The server could not handle this frame; try again."));
    }

    private void notifyMentioned(LiveService.Posted posted) {
        if (posted.mentioned().isEmpty()) {
            return;
        }
        String text = posted.event().text().orElse("");
        String frame = Frames.mention(posted.event(), text.length() > 200 ? text.substring(0, 199) + "…" : text);
        for (Long accountId : posted.mentioned()) {
            Set<Connection> theirs = byAccount.get(accountId);
            if (theirs != null) {
                Set.copyOf(theirs).forEach(c -> c.send(frame));
            }
        }
    }

    /** Queues an edit, deletion or reaction behind the room's earlier writes (see {@link Queued}). */
    private void write(Connection c, long roomId, String frameId,
                       java.util.function.Function<Caller.Identity, RoomEvent> action) {
        enqueue(hub(roomId), new Write(c, frameId, signedIn(c), action));
    }

    /** One edit, deletion or reaction, on the room's writer, under the room's lock; a refusal goes to its sender. */
    private void apply(Hub hub, Write w) {
        hub.lock.lock();
        try {
            RoomEvent e;
            try {
                e = w.action().apply(w.who());
            } catch (LiveException refused) {
                w.from().send(Frames.error(refused.code(), refused.getMessage(), w.frameId(), hub.roomId));
                return;
            }
            w.from().send(Frames.ack(e, false, w.frameId()));
            broadcast(hub, Frames.event(e).toString());
        } finally {
            hub.lock.unlock();
        }
    }

    private void typing(Connection c, long roomId) {
        Caller.Identity who = signedIn(c);
        roomRequired(c, roomId);
        service.readable(Optional.of(who), roomId);
        Hub hub = hubs.get(roomId);
        if (hub != null) {
            broadcastExcept(hub, c, Frames.typing(roomId, Frames.user(who.id(), who.displayName())));
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
            throw new LiveException("unsupported-kind", "Rooms of kind '" + room.kind() + "' take no actions.");
        }
        LiveService.Acting acting = service.acting(who, roomId);
        String kind = room.kind();
        kinds.get().act(acting.room(), acting.actor(), f).whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Plugin action failed", error);
                c.send(Frames.error("plugin-failed", "The room's plugin failed; try again.", frameId, roomId));
                return;
            }
            if (outcome.refusal().isPresent()) {
                c.send(Frames.error(outcome.refusal().get().code(), outcome.refusal().get().reason(), frameId,
                        roomId));
                return;
            }
            Hub hub = hub(roomId);
            outcome.state().ifPresent(state -> broadcast(hub, Frames.pluginState(roomId, kind, state)));
            for (RoomKinds.KindEvent e : outcome.broadcast()) {
                broadcast(hub, Frames.pluginEvent(roomId, kind, e.type(), e.payload(), null));
            }
            for (RoomKinds.KindEvent e : outcome.replies()) {
                c.send(Frames.pluginEvent(roomId, kind, e.type(), e.payload(), frameId));
            }
        });
    }

    /** Re-checks, after the change committed, every room the account's connections are in. */
    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                           MembershipService.MembershipChanged event) {
        Set<Connection> mine = byAccount.get(event.accountId());
        if (mine == null) {
            return;
        }
        for (Connection c : Set.copyOf(mine)) {
            for (Long roomId : Set.copyOf(c.rooms())) {
                try {
                    service.readable(c.who(), roomId);
                } catch (LiveException e) {
                    leaveRoom(c, roomId);
                    c.send(Frames.error("access-revoked", "You can no longer read this room.", null, roomId));
                }
            }
        }
    }

    /** Kicked or banned people leave the rooms concerned at once, after the action committed. */
    void moderated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModerationService.Moderated event) {
        if (!event.action().equals("kick") && !event.action().equals("ban")) {
            return;
        }
        Set<Connection> mine = byAccount.get(event.accountId());
        if (mine == null) {
            return;
        }
        String code = event.action().equals("kick") ? "kicked" : "banned";
        for (Connection c : Set.copyOf(mine)) {
            for (Long roomId : event.roomIds()) {
                if (c.rooms().contains(roomId)) {
                    leaveRoom(c, roomId);
                    c.send(Frames.error(code, "A moderator removed you from this room.", null, roomId));
                }
            }
        }
    }

    private void broadcast(Hub hub, String frame) {
        for (Connection member : hub.members) {
            member.send(frame);
        }
    }

    private void broadcastExcept(Hub hub, Connection except, String frame) {
        for (Connection member : hub.members) {
            if (member != except) {
                member.send(frame);
            }
        }
    }

    /** Every open connection, now. */
    List<Connection> connections() {
        return List.copyOf(connections.values());
    }

    /** The account's open connections, now. */
    Set<Connection> connectionsOf(long accountId) {
        Set<Connection> mine = byAccount.get(accountId);
        return mine == null ? Set.of() : Set.copyOf(mine);
    }

    /** The connection's session ended: it leaves its rooms at once, handles no further frame and is closed. */
    void sessionEnded(Connection c, CloseReason.CloseCode code, String reason) {
        c.revoke();
        for (Long roomId : Set.copyOf(c.rooms())) {
            leaveRoom(c, roomId);
        }
        closeLater(c, code, reason);
    }

    private void slowConsumer(Connection c) {
        LOG.info(() -> "Closing live connection " + c.id() + ": slow consumer");
        for (Long roomId : Set.copyOf(c.rooms())) {
            leaveRoom(c, roomId);
        }
        closeLater(c, SLOW_CONSUMER, "slow consumer");
    }

    private void closeLater(Connection c, CloseReason.CloseCode code, String reason) {
        closer.execute(() -> c.close(code, reason));
    }

    private void pingAll() {
        Instant idleSince = Instant.now().minus(config.liveIdleTimeout());
        for (Connection c : connections.values()) {
            c.checkProgress();
            if (c.lastHeard().isBefore(idleSince)) {
                LOG.info(() -> "Closing live connection " + c.id() + ": idle timeout");
                closeLater(c, CloseReason.CloseCodes.GOING_AWAY, "idle timeout");
                continue;
            }
            try {
                Connection.withoutAppClassLoader(() -> {
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

    private Hub hub(long roomId) {
        return hubs.computeIfAbsent(roomId, Hub::new);
    }

    private static Caller.Identity signedIn(Connection c) {
        return c.who().orElseThrow(() -> new LiveException("unauthorized", "Sign in to do this."));
    }

    private static long roomRequired(Connection c, long roomId) {
        if (!c.rooms().contains(roomId)) {
            throw new LiveException("not-joined", "Join room " + roomId + " first.");
        }
        return roomId;
    }

    /** One JSON object and nothing after it (text after the object is refused, not ignored). */
    private static JsonObject parse(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new LiveException("bad-frame", "A frame is a JSON object.");
            }
            JsonObject frame = parser.getObject();
            if (parser.hasNext()) {
                throw new LiveException("bad-frame", "A frame is one JSON object, with nothing after it.");
            }
            return frame;
        } catch (JsonException | IllegalStateException e) {
            throw new LiveException("bad-frame", "A frame is a JSON object.");
        }
    }

    private static Optional<String> optionalString(JsonObject f, String name) {
        JsonValue v = f.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new LiveException("bad-frame", "'" + name + "' must be a string.");
        }
        String value = ((JsonString) v).getString();
        if (!FrameGuard.isWellFormed(value)) {
            throw new LiveException("bad-frame", "'" + name + "' is not valid Unicode text.");
        }
        return Optional.of(value);
    }

    private static String requiredString(JsonObject f, String name) {
        return optionalString(f, name).orElseThrow(() -> new LiveException("bad-frame", "Missing '" + name + "'."));
    }

    private static Optional<Long> optionalLong(JsonObject f, String name) {
        JsonValue v = f.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new LiveException("bad-frame", "'" + name + "' must be an integer.");
        }
        try {
            return Optional.of(((JsonNumber) v).longValueExact());
        } catch (ArithmeticException e) {
            throw new LiveException("bad-number", "'" + name + "' is out of range.");
        }
    }

    private static long requiredLong(JsonObject f, String name) {
        return optionalLong(f, name).orElseThrow(() -> new LiveException("bad-frame", "Missing '" + name + "'."));
    }
}
