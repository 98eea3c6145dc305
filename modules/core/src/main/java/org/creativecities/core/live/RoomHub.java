package org.creativecities.core.live;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.creativecities.core.identity.Caller;

/**
 * One live room in memory: the connections in it, the people online, and fan-out to them. Every frame sent to the
 * room is encoded once ({@link OutFrame}) and the same bytes are queued to each member.
 *
 * <p>The {@link #lock} orders the room's sequenced writes and joins ({@link RoomWriter}): what a joiner replays and
 * the live events after it have no gap and no overlap. The {@link #queue} holds the writes waiting for the room's
 * writer. Rooms never share a lock.
 */
final class RoomHub {

    private final long roomId;
    final ReentrantLock lock = new ReentrantLock();
    private final Set<Connection> members = ConcurrentHashMap.newKeySet();
    /**
     * The signed-in people with a connection in the room, in order of arrival, with how many of their connections
     * are in; guarded by itself. A person's arrival and departure are announced once (presence), not per connection,
     * and a joiner's {@code online} list is read from here.
     */
    private final Map<Long, Online> online = new LinkedHashMap<>();
    /** Sequenced writes waiting for the room's writer, in arrival order. */
    final ConcurrentLinkedQueue<RoomWriter.Queued> queue = new ConcurrentLinkedQueue<>();
    /** Set while a writer's turn for {@link #queue} is queued or running. */
    final AtomicBoolean writing = new AtomicBoolean();
    /**
     * The room as the last join read it, for the kind's callbacks when someone leaves (no database read on the
     * way out); null until someone joined.
     */
    volatile org.creativecities.core.space.Room room;
    /**
     * The highest seq delivered to the room's connections, -1 before anyone joined; written under {@link #lock}
     * ({@link RoomFeed}).
     */
    volatile long delivered = -1;
    /** The highest seq this node heard the room has (hints, sweeps); {@link RoomFeed} catches up to it. */
    final java.util.concurrent.atomic.AtomicLong wanted = new java.util.concurrent.atomic.AtomicLong(-1);
    /** Set while a catch-up of the room is queued or running. */
    final AtomicBoolean catchingUp = new AtomicBoolean();

    private static final class Online {
        final JsonObject user;
        int connections;

        Online(JsonObject user) {
            this.user = user;
        }
    }

    /** Who is in the room on other nodes (nobody on a single node). */
    private final ClusterPresence presence;

    RoomHub(long roomId, ClusterPresence presence) {
        this.roomId = roomId;
        this.presence = presence;
    }

    long roomId() {
        return roomId;
    }

    /**
     * Lets a connection in, announces the person to the others if it is their first connection here, and queues the
     * joiner's {@code welcome} (built from who is online now) before any later event.
     *
     * @param welcome builds the welcome frame from the people online
     * @return true when it is the person's first connection in the room (they arrived)
     */
    boolean enter(Connection c, java.util.function.Function<List<JsonObject>, String> welcome) {
        boolean arrived;
        synchronized (online) {
            arrived = members.add(c) && c.who().isPresent() && arrived(c.who().get());
            Caller.Identity w = arrived ? c.who().get() : null;
            if (arrived && !presence.elsewhere(roomId, w.id())) {
                broadcastExcept(c, Frames.presence(roomId, "joined", Frames.user(w.id(), w.displayName())));
            }
            List<JsonObject> people = new ArrayList<>(online.size());
            online.values().forEach(o -> people.add(o.user));
            presence.elsewhere(roomId).forEach((id, user) -> {
                if (!online.containsKey(id)) {
                    people.add(user);
                }
            });
            c.send(welcome.apply(people));
        }
        if (arrived) {
            presence.arrived(roomId, c.who().get());
        }
        return arrived;
    }

    /** Counts a connection of this person in; true when it is their first in the room. Under {@link #online}. */
    private boolean arrived(Caller.Identity w) {
        Online o = online.computeIfAbsent(w.id(), id -> new Online(Frames.user(id, w.displayName())));
        return o.connections++ == 0;
    }

    /**
     * Lets a connection out; the others hear of the person's departure when it was their last connection here.
     *
     * @return true when it was the person's last connection in the room (they departed)
     */
    boolean leave(Connection c) {
        Online departed = null;
        long accountId = 0;
        synchronized (online) {
            if (members.remove(c) && c.who().isPresent()) {
                accountId = c.who().get().id();
                Online o = online.get(accountId);
                if (o != null && --o.connections == 0) {
                    online.remove(accountId);
                    if (!presence.elsewhere(roomId, accountId)) {
                        broadcastExcept(c, Frames.presence(roomId, "left", o.user));
                    }
                    departed = o;
                }
            }
        }
        if (departed == null) {
            return false;
        }
        presence.departed(roomId, accountId, departed.user.getString("name"));
        return true;
    }

    /** The person arrived on another node, where nobody else had them in the room: announced if not here. */
    void arrivedElsewhere(long accountId, JsonObject user) {
        synchronized (online) {
            if (!online.containsKey(accountId)) {
                broadcast(Frames.presence(roomId, "joined", user));
            }
        }
    }

    /** The person left the room on the last other node that had them: announced if not here. */
    void departedElsewhere(long accountId, JsonObject user) {
        synchronized (online) {
            if (!online.containsKey(accountId)) {
                broadcast(Frames.presence(roomId, "left", user));
            }
        }
    }

    /** Whether any connection is in the room. */
    boolean hasMembers() {
        return !members.isEmpty();
    }

    /** The connections in the room now. */
    List<Connection> connections() {
        return List.copyOf(members);
    }

    /** Queues the frame to each connection of one person in the room, to no one else; how many it reached. */
    int sendTo(long accountId, String frame) {
        OutFrame f = OutFrame.of(frame);
        int reached = 0;
        for (Connection member : members) {
            if (member.who().map(w -> w.id() == accountId).orElse(false)) {
                member.send(f);
                reached++;
            }
        }
        return reached;
    }

    /** Queues the frame, encoded once, to every connection in the room. */
    void broadcast(String frame) {
        broadcast(OutFrame.of(frame));
    }

    void broadcast(OutFrame frame) {
        for (Connection member : members) {
            member.send(frame);
        }
    }

    /** Queues the frames, in order, to every connection in the room: one write each where nothing is in flight. */
    void broadcast(List<OutFrame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        for (Connection member : members) {
            member.sendAll(frames);
        }
    }

    /** Queues the frame, encoded once, to every connection in the room but one. */
    void broadcastExcept(Connection except, String frame) {
        OutFrame f = OutFrame.of(frame);
        for (Connection member : members) {
            if (member != except) {
                member.send(f);
            }
        }
    }
}
