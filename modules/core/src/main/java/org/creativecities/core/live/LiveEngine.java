package org.creativecities.core.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimiter;
import org.creativecities.core.membership.MembershipService;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.space.ModerationService;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.RoomKinds;
import org.creativecities.core.space.SpaceService;

/**
 * The live-room engine: open connections, the rooms they joined, and the handling of every client frame.
 *
 * <p>Each room has a hub with a lock. Every sequenced write to a room (post, edit, delete, reaction) and every
 * join runs under that lock: the transaction commits, the sender gets its ack, and the event is queued to
 * the room's connections before the next write starts. So the order in which clients receive events is the
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

    private static final Logger LOG = Logger.getLogger(LiveEngine.class.getName());

    /** Created once: {@code Json.createReader} looks the JSON-P provider up (a class-path scan) on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

    private static final class Hub {
        final ReentrantLock lock = new ReentrantLock();
        final Set<Connection> members = ConcurrentHashMap.newKeySet();
    }

    private final ConcurrentMap<String, Connection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Set<Connection>> byAccount = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Hub> hubs = new ConcurrentHashMap<>();

    @Inject
    private LiveService service;

    @Inject
    private AppConfig config;

    @Inject
    private SpaceService spaces;

    private ScheduledExecutorService timer;
    private ExecutorService closer;
    /** Frames per account across all its connections; idle accounts' buckets are swept, so memory stays bounded. */
    private RateLimiter accountFrames;

    @PostConstruct
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(daemon("ccc-live-ping"));
        closer = Executors.newCachedThreadPool(daemon("ccc-live-close"));
        accountFrames = new RateLimiter(config.liveUserFramesPerMinute(), Duration.ofMinutes(1));
        long every = Math.max(1, config.livePingInterval().toMillis());
        timer.scheduleWithFixedDelay(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        closer.shutdownNow();
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
        Connection c = new Connection(session, who, config.liveOutboundQueue(),
                config.liveConnectionFramesPerMinute(), this::slowConsumer);
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
        if (c == null) {
            return;
        }
        c.heard();
        String frameId = null;
        Long roomId = null;
        try {
            JsonObject f = parse(text);
            frameId = optionalString(f, "id").orElse(null);
            if (!c.tryConsume() || !c.who().map(w -> accountFrames.tryAcquire(Long.toString(w.id())).isEmpty()).orElse(true)) {
                throw new LiveException("rate-limited", "Too many frames; slow down.");
            }
            String type = optionalString(f, "type")
                    .orElseThrow(() -> new LiveException("bad-frame", "Every frame needs a 'type'."));
            roomId = requiredLong(f, "room");
            handle(c, f, type, roomId, frameId);
        } catch (LiveException e) {
            c.send(Frames.error(e.code(), e.getMessage(), frameId, roomId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live frame failed", e);
            c.send(Frames.error("internal", "The server could not handle this frame; try again.", frameId, roomId));
        }
    }

    private void handle(Connection c, JsonObject f, String type, long roomId, String frameId) {
        switch (type) {
            case "join" -> join(c, roomId, optionalLong(f, "since").orElse(null), frameId);
            case "leave" -> {
                leaveRoom(c, roomId);
                c.send(Frames.left(roomId, frameId));
            }
            case "post" -> post(c, roomId, f, frameId);
            case "edit" -> write(c, roomId, frameId, who -> service.edit(who, roomRequired(c, roomId),
                    requiredLong(f, "target"), requiredString(f, "text")));
            case "delete" -> write(c, roomId, frameId, who -> service.delete(who, roomRequired(c, roomId),
                    requiredLong(f, "target")));
            case "react" -> {
                String action = optionalString(f, "action").orElse("add");
                if (!action.equals("add") && !action.equals("remove")) {
                    throw new LiveException("bad-frame", "'action' is add or remove.");
                }
                write(c, roomId, frameId, who -> service.react(who, roomRequired(c, roomId),
                        requiredLong(f, "target"), requiredString(f, "emoji"), action.equals("add")));
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
            boolean already = !c.rooms().add(roomId);
            hub.members.add(c);
            c.send(Frames.welcome(roomId, room.kind(), room.lastSeq(), online(hub), joined.replay().size(), roomState,
                    frameId));
            if (joined.plan().action() == ResumePlan.Action.RESET) {
                c.send(Frames.reset(roomId, room.lastSeq(), "You are too far behind: fetch the history over REST "
                        + "up to seq " + room.lastSeq() + "; live events after it follow here.", null));
            }
            for (RoomEvent e : joined.replay()) {
                c.send(Frames.event(e).toString());
            }
            if (!already) {
                c.who().ifPresent(w -> broadcastExcept(hub, c,
                        Frames.presence(roomId, "joined", Frames.user(w.id(), w.displayName()))));
            }
        } finally {
            hub.lock.unlock();
        }
    }

    private void leaveRoom(Connection c, long roomId) {
        c.rooms().remove(roomId);
        Hub hub = hubs.get(roomId);
        if (hub != null && hub.members.remove(c)) {
            c.who().ifPresent(w -> broadcastExcept(hub, c,
                    Frames.presence(roomId, "left", Frames.user(w.id(), w.displayName()))));
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
        Hub hub = hub(room);
        hub.lock.lock();
        try {
            LiveService.Posted posted = service.post(who, room, clientMessageId, text, replyTo);
            c.send(Frames.ack(posted.event(), posted.duplicate(), frameId));
            if (!posted.duplicate()) {
                broadcast(hub, Frames.event(posted.event()).toString());
                notifyMentioned(posted);
            }
        } finally {
            hub.lock.unlock();
        }
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

    private void write(Connection c, long roomId, String frameId,
                       java.util.function.Function<Caller.Identity, RoomEvent> action) {
        Caller.Identity who = signedIn(c);
        Hub hub = hub(roomId);
        hub.lock.lock();
        try {
            RoomEvent e = action.apply(who);
            c.send(Frames.ack(e, false, frameId));
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

    private static java.util.Collection<JsonObject> online(Hub hub) {
        Map<Long, JsonObject> users = new LinkedHashMap<>();
        for (Connection m : hub.members) {
            m.who().ifPresent(w -> users.computeIfAbsent(w.id(), id -> Frames.user(id, w.displayName())));
        }
        return users.values();
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
        return hubs.computeIfAbsent(roomId, k -> new Hub());
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

    private static JsonObject parse(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new LiveException("bad-frame", "A frame is a JSON object.");
            }
            return v.asJsonObject();
        } catch (JsonException e) {
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
        return Optional.of(((JsonString) v).getString());
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
        return Optional.of(((JsonNumber) v).longValue());
    }

    private static long requiredLong(JsonObject f, String name) {
        return optionalLong(f, name).orElseThrow(() -> new LiveException("bad-frame", "Missing '" + name + "'."));
    }
}
