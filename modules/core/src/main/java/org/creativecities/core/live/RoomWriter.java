package org.creativecities.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;

/**
 * The ordered, transactional append of a room's events. The threads that read frames only queue sequenced writes
 * ({@link #enqueue}); a room's writer takes them in arrival order, one drain per room at a time, on a small pool of
 * threads shared by all rooms. Waiting posts are stored together in one transaction (group commit), then each sender
 * gets its ack and the room gets the new events (encoded once) in seq order, all under the room's lock, so the order
 * in which clients receive events is the sequence order. An ack goes out only after its post committed. The events
 * reach the room's connections through {@link RoomFeed}, which also delivers the ones other nodes committed.
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

    private final LiveService service;
    private final PostAdmission admission;
    private final Connections connections;
    private final Executor writers;
    private final RoomFeed feed;

    RoomWriter(LiveService service, PostAdmission admission, Connections connections, Executor writers,
               RoomFeed feed) {
        this.service = service;
        this.admission = admission;
        this.connections = connections;
        this.writers = writers;
        this.feed = feed;
    }

    /** Queues a write behind the room's earlier ones; its answer goes to its connection once it is stored. */
    void enqueue(RoomHub hub, Queued write) {
        hub.queue.add(write);
        if (hub.writing.compareAndSet(false, true)) {
            writers.execute(() -> drain(hub));
        }
    }

    /**
     * One turn of a room's writer: stores up to {@link #MAX_BATCH} waiting posts (and {@link #MAX_BATCH_TEXT}
     * characters of text) in one transaction, or else one edit, deletion or reaction. A room with more waiting is
     * queued again behind the other rooms, so a busy room does not keep a writer to itself.
     */
    private void drain(RoomHub hub) {
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
                failed.from().send(Frames.error(LiveError.INTERNAL.code(),
                        "The server could not handle this frame; try again.", failed.frameId(), hub.roomId()));
            }
        } finally {
            hub.writing.set(false);
            if (!hub.queue.isEmpty() && hub.writing.compareAndSet(false, true)) {
                writers.execute(() -> drain(hub));
            }
        }
    }

    private void publish(RoomHub hub, List<Pending> waiting) {
        hub.lock.lock();
        try {
            List<Pending> batch = admittedAgain(hub, waiting);
            if (batch.isEmpty()) {
                return;
            }
            List<LiveService.PostRequest> requests = new ArrayList<>(batch.size());
            batch.forEach(p -> requests.add(p.request()));
            List<LiveService.PostOutcome> outcomes;
            try {
                outcomes = service.postBatch(hub.roomId(), requests, false);
            } catch (RuntimeException e) {
                // The batch's transaction failed as a whole (a retried client id at commit, or a bad post): each
                // post alone, looking up earlier posts, so that a retry gets its duplicate ack and one bad post
                // costs only its own sender an error.
                outcomes = new ArrayList<>(batch.size());
                for (LiveService.PostRequest r : requests) {
                    outcomes.add(alone(hub.roomId(), r));
                }
            }
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
        } finally {
            hub.lock.unlock();
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
            return service.postBatch(roomId, List.of(r), true).get(0);
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
        OutFrame frame = OutFrame.of(Frames.mention(posted.event(),
                text.length() > 200 ? text.substring(0, 199) + "…" : text));
        for (Long accountId : posted.mentioned()) {
            connections.of(accountId).forEach(c -> c.send(frame));
        }
    }

    /** One edit, deletion or reaction, under the room's lock; a refusal goes to its sender. */
    private void apply(RoomHub hub, Write w) {
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
