package org.creativecities.core.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;

/**
 * The ordered, transactional append of rooms' events. The threads that read frames only queue sequenced writes
 * ({@link #enqueue}); the writers take them in arrival order ({@link RoomTurns}). The posts waiting in all the rooms a
 * turn takes are stored together in one transaction (group commit, {@link RoomAppends}), then each sender gets its
 * ack and each room gets its new events (encoded once) in seq order, all under the rooms' locks, so the order in which
 * clients receive a room's events is its sequence order. An ack goes out only after its post committed. The
 * events reach the rooms' connections through {@link RoomFeed}, which also delivers the ones other nodes
 * committed.
 */
final class RoomWriter {

    private static final Logger LOG = Logger.getLogger(RoomWriter.class.getName());

    /** Most posts stored in one transaction. */
    static final int MAX_BATCH = 256;

    /**
     * Most characters of text in one batch (beyond its first post): a batch's broadcast, sent to every member in
     * one burst, stays well below a connection's {@code ccc.live.outbound-queue-chars}, even with every post at the
     * longest text and its rendered HTML.
     */
    static final int MAX_BATCH_TEXT = 512 * 1024;

    /**
     * A sequenced write accepted from a connection, waiting for its room's writer. Posts, edits, deletions and
     * reactions share one queue per room, so a connection's writes to a room take seqs in the order it sent them.
     */
    sealed interface Queued permits Pending, Write {
        Connection from();

        String frameId();
    }

    /** A post: stored with the posts queued next to it, in one transaction. */
    record Pending(Connection from, String frameId, LiveService.PostRequest request) implements Queued {
    }

    /** An edit, deletion or reaction, already validated: applied on its own. */
    record Write(Connection from, String frameId, Caller.Identity who, Function<Caller.Identity, RoomEvent> action)
            implements Queued {
    }

    private final RoomAppends appends;
    private final PostAdmission admission;
    private final PersonDelivery people;
    private final RoomTurns turns;
    private final RoomFeed feed;
    /** Transactions so far that stored the posts of several rooms at once (for {@code /health}). */
    private static final java.util.concurrent.atomic.LongAdder MULTI_ROOM_COMMITS =
            new java.util.concurrent.atomic.LongAdder();

    /** How many transactions so far stored the posts of several rooms at once, over all writers. */
    static long multiRoomCommits() {
        return MULTI_ROOM_COMMITS.sum();
    }

    RoomWriter(RoomAppends appends, PostAdmission admission, PersonDelivery people, Executor writers,
               RoomFeed feed) {
        this.appends = appends;
        this.admission = admission;
        this.people = people;
        this.feed = feed;
        this.turns = new RoomTurns(this, writers);
    }

    /** Queues a write behind the room's earlier ones; its answer goes to its connection once it is stored. */
    void enqueue(RoomHub hub, Queued write) {
        turns.enqueue(hub, write);
    }

    /**
     * Stores the rooms' posts, then acks each sender and gives each room its new events in seq order, holding the
     * rooms' locks (taken in ascending room id) from before the transaction until the events are queued to the
     * rooms' connections. One room's posts are stored as before; several rooms' in one transaction, or, if that
     * fails as a whole, room by room.
     */
    void publish(List<RoomTurns.Taken> rooms) {
        List<RoomTurns.Taken> ordered = new ArrayList<>(rooms);
        ordered.sort(java.util.Comparator.comparingLong(t -> t.hub().roomId()));
        List<RoomTurns.Taken> locked = new ArrayList<>(ordered.size());
        try {
            for (RoomTurns.Taken t : ordered) {
                t.hub().lock.lock();
                locked.add(t);
            }
            RoomTurns.guarded(ordered, () -> store(ordered));
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) {
                locked.get(i).hub().lock.unlock();
            }
        }
    }

    /** Under the rooms' locks: admits again, stores, answers and delivers. */
    private void store(List<RoomTurns.Taken> rooms) {
        List<List<Pending>> admitted = new ArrayList<>(rooms.size());
        List<RoomAppends.RoomPosts> posts = new ArrayList<>(rooms.size());
        for (RoomTurns.Taken t : rooms) {
            List<Pending> batch = admittedAgain(t.hub(), t.posts());
            if (!batch.isEmpty()) {
                admitted.add(batch);
                posts.add(new RoomAppends.RoomPosts(t.hub().roomId(), requests(batch)));
            }
        }
        if (posts.isEmpty()) {
            return;
        }
        List<List<LiveService.PostOutcome>> outcomes = null;
        if (posts.size() > 1) {
            try {
                outcomes = appends.postRooms(posts);
                MULTI_ROOM_COMMITS.increment();
            } catch (RuntimeException e) {
                // Rolled back as a whole (a retried client id at commit, or a bad post): each room alone, below.
                outcomes = null;
            }
        }
        Map<Long, RoomHub> hubs = new HashMap<>();
        rooms.forEach(t -> hubs.put(t.hub().roomId(), t.hub()));
        for (int r = 0; r < posts.size(); r++) {
            RoomHub hub = hubs.get(posts.get(r).roomId());
            List<Pending> batch = admitted.get(r);
            List<LiveService.PostOutcome> roomOutcomes = outcomes != null ? outcomes.get(r)
                    : storeRoom(hub.roomId(), posts.get(r).requests());
            deliver(hub, batch, roomOutcomes);
        }
    }

    private static List<LiveService.PostRequest> requests(List<Pending> batch) {
        List<LiveService.PostRequest> requests = new ArrayList<>(batch.size());
        batch.forEach(p -> requests.add(p.request()));
        return requests;
    }

    /** One room's posts in one transaction; if it fails as a whole, each post alone. */
    private List<LiveService.PostOutcome> storeRoom(long roomId, List<LiveService.PostRequest> requests) {
        try {
            return appends.postBatch(roomId, requests, false);
        } catch (RuntimeException e) {
            // The batch's transaction failed as a whole (a retried client id at commit, or a bad post): each
            // post alone, looking up earlier posts, so that a retry gets its duplicate ack and one bad post
            // costs only its own sender an error.
            List<LiveService.PostOutcome> outcomes = new ArrayList<>(requests.size());
            for (LiveService.PostRequest r : requests) {
                outcomes.add(alone(roomId, r));
            }
            return outcomes;
        }
    }

    /** Acks each sender (or tells them why not), then hands the room's new events to its feed, in seq order. */
    private void deliver(RoomHub hub, List<Pending> batch, List<LiveService.PostOutcome> outcomes) {
        List<RoomEvent> committed = new ArrayList<>(batch.size());
        outcomes.stream().filter(o -> o.posted() != null && !o.posted().duplicate())
                .mapToLong(o -> o.posted().event().seq()).min().ifPresent(first -> feed.arriving(hub, first));
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            LiveService.PostOutcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                pending.from().send(Frames.error(outcome.refusal().code(), outcome.refusal().getMessage(),
                        pending.frameId(), hub.roomId()));
                continue;
            }
            LiveService.Posted posted = outcome.posted();
            pending.from().send(Frames.ack(posted.event(), posted.duplicate(), pending.frameId()));
            if (!posted.duplicate()) {
                committed.add(posted.event());
            }
        }
        feed.committed(hub, committed);
        for (LiveService.PostOutcome outcome : outcomes) {
            if (outcome.posted() != null && !outcome.posted().duplicate()) {
                notifyMentioned(outcome.posted());
            }
        }
    }

    /**
     * The posts whose admission still holds; those admitted before a change of rights committed (a ban, a mute, a
     * lock) are admitted again, so that the change also stops posts already waiting here. Under the room's lock.
     */
    private List<Pending> admittedAgain(RoomHub hub, List<Pending> waiting) {
        List<Pending> batch = new ArrayList<>(waiting.size());
        for (Pending p : waiting) {
            PostAdmission.Verdict verdict = p.request().verdict();
            // A post refused when it was read stays refused (it was never reviewed by the plugins' hooks).
            if (verdict instanceof PostAdmission.Admitted && !admission.current(verdict)) {
                verdict = admission.admit(p.request().who(), hub.roomId());
                if (verdict instanceof PostAdmission.Refused refused
                        && refused.reason().error() != LiveError.FORBIDDEN) {
                    p.from().send(Frames.error(refused.reason().code(), refused.reason().getMessage(), p.frameId(),
                            hub.roomId()));
                    continue;
                }
                p = new Pending(p.from(), p.frameId(), p.request().admitted(verdict));
            }
            batch.add(p);
        }
        return batch;
    }

    /** One post in a transaction of its own, its client id looked up first; a failure becomes its refusal. */
    private LiveService.PostOutcome alone(long roomId, LiveService.PostRequest r) {
        RuntimeException failure;
        try {
            return appends.postBatch(roomId, List.of(r), true).get(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure instanceof LiveException live) {
            return new LiveService.PostOutcome(null, live);
        }
        LOG.log(Level.WARNING, "A live post failed", failure);
        return new LiveService.PostOutcome(null,
                new LiveException(LiveError.INTERNAL, "The server could not handle this frame; try again."));
    }

    private void notifyMentioned(LiveService.Posted posted) {
        if (posted.mentioned().isEmpty()) {
            return;
        }
        String text = posted.event().text().orElse("");
        String frame = Frames.mention(posted.event(), text.length() > 200 ? text.substring(0, 199) + "…" : text);
        for (Long accountId : posted.mentioned()) {
            people.send(accountId, frame);
        }
    }

    /** One edit, deletion or reaction, under the room's lock; a refusal goes to its sender. */
    void apply(RoomHub hub, Write w) {
        hub.lock.lock();
        try {
            RoomEvent e;
            try {
                e = w.action().apply(w.who());
            } catch (LiveException refused) {
                w.from().send(Frames.error(refused.code(), refused.getMessage(), w.frameId(), hub.roomId()));
                return;
            }
            feed.arriving(hub, e.seq());
            w.from().send(Frames.ack(e, false, w.frameId()));
            feed.committed(hub, List.of(e));
        } finally {
            hub.lock.unlock();
        }
    }
}
