package org.creativecities.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.cluster.Cluster;

/**
 * Delivers each room's events to this node's connections in seq order, whichever node committed them. The database
 * is the record; the cluster only hints.
 *
 * <ol>
 *   <li>An event committed here (a post, an edit, a system event) is delivered under the room's lock
 *       ({@link #committed}); if the room's log has events this node has not delivered before it (another node
 *       committed them), they are read from the database and delivered first.</li>
 *   <li>After the commit, this node publishes a hint {@code room:seq} on the cluster's topic.</li>
 *   <li>A node that hears a hint for a room it has connections in, and has not delivered that seq, reads what it
 *       misses from the database and delivers it ({@link #hint}).</li>
 *   <li>Every {@link #SWEEP_MILLIS} ms, the rooms with connections here are compared with the rooms' committed last
 *       seqs, in one query; a room behind catches up the same way ({@link #sweep}). A lost or late hint costs at most
 *       that delay.</li>
 * </ol>
 *
 * A node further behind a room than {@code ccc.live.resume-max} (it was cut off) sends the room's connections a
 * {@code reset} instead of the events, as a resuming client gets. On one node ({@code ccc.cluster.mode=none})
 * nothing is published, read or swept: every event of a room is committed under its lock here.
 */
final class RoomFeed {

    /** The cluster topic of the hints. */
    static final String TOPIC = "live.room-hints";

    /** How often the rooms with connections here are compared with the database, in a cluster. */
    static final long SWEEP_MILLIS = 1000;

    private static final Logger LOG = Logger.getLogger(RoomFeed.class.getName());

    /** Events read from the database at a time. */
    private static final int READ_BATCH = 256;

    private final Cluster cluster;
    private final RoomLogReads reads;
    private final RoomHubs hubs;
    private final Executor executor;
    private final int resumeMax;

    RoomFeed(Cluster cluster, RoomLogReads reads, RoomHubs hubs, Executor executor, int resumeMax) {
        this.cluster = cluster;
        this.reads = reads;
        this.hubs = hubs;
        this.executor = executor;
        this.resumeMax = resumeMax;
    }

    /** Starts hearing the other nodes' hints (in a cluster). */
    void start() {
        if (cluster.clustered()) {
            cluster.subscribe(TOPIC, this::hint);
        }
    }

    /**
     * Delivers events this node just committed, in seq order, to the room's connections, after any events of the
     * room that other nodes committed before them; then tells the other nodes. Under the room's lock.
     */
    void committed(RoomHub hub, List<RoomEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<OutFrame> frames = new ArrayList<>(events.size());
        for (RoomEvent e : events) {
            if (cluster.clustered() && hub.delivered >= 0 && e.seq() > hub.delivered + 1 && hub.hasMembers()) {
                hub.broadcast(frames);
                frames = new ArrayList<>();
                readUpTo(hub, e.seq() - 1);
            }
            frames.add(OutFrame.of(Frames.event(e).toString()));
            hub.delivered = Math.max(hub.delivered, e.seq());
        }
        hub.broadcast(frames);
        if (cluster.clustered()) {
            cluster.publish(TOPIC, hub.roomId() + ":" + events.get(events.size() - 1).seq());
        }
    }

    /**
     * Before the answers to writes that took seqs from {@code firstSeq} on: the room's connections first get what
     * other nodes committed before it, so that a writer's ack never overtakes an earlier event. Under the room's lock.
     */
    void arriving(RoomHub hub, long firstSeq) {
        if (cluster.clustered() && hub.delivered >= 0 && firstSeq > hub.delivered + 1 && hub.hasMembers()) {
            readUpTo(hub, firstSeq - 1);
        }
    }

    /**
     * A connection is about to enter the room, which has {@code lastSeq} committed as its join read it: the
     * connections already in catch up to it first, so that all of them go on from the same seq. Under the room's lock.
     */
    void joining(RoomHub hub, long lastSeq) {
        if (cluster.clustered() && hub.hasMembers() && hub.delivered >= 0 && hub.delivered < lastSeq) {
            readUpTo(hub, lastSeq);
        }
        hub.delivered = Math.max(hub.delivered, lastSeq);
    }

    /** A hint from another node, on the cluster's thread: {@code room:seq}. */
    void hint(String message) {
        int colon = message.indexOf(':');
        try {
            long roomId = Long.parseLong(message.substring(0, colon));
            long seq = Long.parseLong(message.substring(colon + 1));
            RoomHub hub = hubs.existing(roomId);
            if (hub != null) {
                want(hub, seq);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A malformed room hint was ignored: " + message, e);
        }
    }

    /** Compares the rooms with connections here with the database; those behind catch up. */
    void sweep() {
        try {
            List<Long> rooms = new ArrayList<>();
            for (RoomHub hub : hubs.all()) {
                if (hub.hasMembers()) {
                    rooms.add(hub.roomId());
                }
            }
            if (rooms.isEmpty()) {
                return;
            }
            reads.lastSeqs(rooms).forEach((roomId, last) -> {
                RoomHub hub = hubs.existing(roomId);
                if (hub != null) {
                    want(hub, last);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The live rooms' sweep failed; the next one tries again", e);
        }
    }

    /** The room has events up to {@code seq}: if this node has not delivered them, a catch-up is queued (one a room). */
    private void want(RoomHub hub, long seq) {
        hub.wanted.accumulateAndGet(seq, Math::max);
        if (hub.hasMembers() && seq > hub.delivered && hub.catchingUp.compareAndSet(false, true)) {
            executor.execute(() -> catchUp(hub));
        }
    }

    private void catchUp(RoomHub hub) {
        try {
            hub.lock.lock();
            try {
                if (hub.hasMembers() && hub.delivered >= 0) {
                    readUpTo(hub, hub.wanted.get());
                }
            } finally {
                hub.lock.unlock();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Catching a live room up failed; the next sweep tries again", e);
        } finally {
            hub.catchingUp.set(false);
            if (hub.hasMembers() && hub.wanted.get() > hub.delivered && hub.catchingUp.compareAndSet(false, true)) {
                executor.execute(() -> catchUp(hub));
            }
        }
    }

    /** Reads the room's events after the last delivered one up to {@code upTo}, and delivers them. Under the lock. */
    private void readUpTo(RoomHub hub, long upTo) {
        if (upTo - hub.delivered > resumeMax) {
            hub.broadcast(Frames.reset(hub.roomId(), upTo, "This server fell behind the room: fetch the history over "
                    + "REST up to seq " + upTo + "; live events after it follow here.", null));
            hub.delivered = upTo;
            return;
        }
        while (hub.delivered < upTo) {
            List<RoomEvent> events = reads.after(hub.roomId(), hub.delivered,
                    (int) Math.min(READ_BATCH, upTo - hub.delivered));
            if (events.isEmpty()) {
                return;
            }
            List<OutFrame> frames = new ArrayList<>(events.size());
            for (RoomEvent e : events) {
                if (e.seq() > upTo) {
                    break;
                }
                frames.add(OutFrame.of(Frames.event(e).toString()));
                hub.delivered = e.seq();
            }
            hub.broadcast(frames);
        }
    }
}
