package org.creativecities.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.live.RoomWriter.Pending;
import org.creativecities.core.live.RoomWriter.Queued;
import org.creativecities.core.live.RoomWriter.Write;

/**
 * The writers' turns: which rooms' writes a writer takes next. A room with writes waiting is queued once (its
 * {@link RoomHub#writing} flag) until a writer's turn takes it; a turn takes every room waiting when it starts, from
 * each its waiting posts or else its one edit, deletion or reaction, and hands them to the {@link RoomWriter} to
 * store and deliver. A room is in one turn at a time, so its writes keep their order.
 */
final class RoomTurns {

    private static final Logger LOG = Logger.getLogger(RoomTurns.class.getName());

    /** Most rooms whose posts one turn of a writer stores in one transaction. */
    static final int MAX_ROOMS = 32;

    /** Most posts one turn stores in one transaction, over all its rooms (a room's first batch always goes in). */
    static final int MAX_TURN_POSTS = 1024;

    private final RoomWriter writer;
    private final Executor writers;
    /** Rooms with writes waiting (their {@link RoomHub#writing} set), in the order they became ready. */
    private final ConcurrentLinkedQueue<RoomHub> ready = new ConcurrentLinkedQueue<>();

    RoomTurns(RoomWriter writer, Executor writers) {
        this.writer = writer;
        this.writers = writers;
    }

    /** Queues a write behind the room's earlier ones; its answer goes to its connection once it is stored. */
    void enqueue(RoomHub hub, Queued write) {
        hub.queue.add(write);
        if (hub.writing.compareAndSet(false, true)) {
            schedule(hub);
        }
    }

    private void schedule(RoomHub hub) {
        ready.add(hub);
        writers.execute(this::turn);
    }

    /** What one turn took from one room: a batch of posts, or else one edit, deletion or reaction. */
    record Taken(RoomHub hub, List<Pending> posts, Write single) {

        List<Queued> all() {
            List<Queued> all = new ArrayList<>(posts);
            if (single != null) {
                all.add(single);
            }
            return all;
        }
    }

    /**
     * One turn of a writer: takes the rooms waiting now (at most {@link #MAX_ROOMS}), from each up to
     * {@link RoomWriter#MAX_BATCH} waiting posts (and {@link RoomWriter#MAX_BATCH_TEXT} characters of text), or else its one edit,
     * deletion or reaction, and stores all the rooms' posts in one transaction (group commit across rooms). A room is
     * in one turn at a time (its {@code writing} flag), so its writes keep their order; a room with more waiting is
     * queued again behind the other rooms, so a busy room does not keep a writer to itself. A turn that finds no room
     * waiting (an earlier turn took them) ends at once.
     */
    private void turn() {
        List<Taken> taken = new ArrayList<>();
        int posts = 0;
        RoomHub hub;
        while (taken.size() < MAX_ROOMS && posts < MAX_TURN_POSTS && (hub = ready.poll()) != null) {
            Taken t = take(hub);
            taken.add(t);
            posts += t.posts().size();
        }
        if (taken.isEmpty()) {
            return;
        }
        List<Taken> batches = new ArrayList<>();
        try {
            for (Taken t : taken) {
                if (!t.posts().isEmpty()) {
                    batches.add(t);
                }
            }
            if (!batches.isEmpty()) {
                writer.publish(batches);
            }
            for (Taken t : taken) {
                if (t.single() != null) {
                    guarded(List.of(t), () -> writer.apply(t.hub(), t.single()));
                }
            }
        } finally {
            for (Taken t : taken) {
                release(t.hub());
            }
        }
    }

    /** Takes a room's next writes: its waiting posts, or else its first edit, deletion or reaction. */
    private static Taken take(RoomHub hub) {
        // Only this turn takes from the queue (writing is set), so what peek() shows is what poll() takes.
        List<Pending> batch = new ArrayList<>();
        int text = 0;
        while (batch.size() < RoomWriter.MAX_BATCH && hub.queue.peek() instanceof Pending p
                && (batch.isEmpty() || text + p.request().text().length() <= RoomWriter.MAX_BATCH_TEXT)) {
            hub.queue.poll();
            batch.add(p);
            text += p.request().text().length();
        }
        Write single = null;
        if (batch.isEmpty() && hub.queue.peek() instanceof Write w) {
            hub.queue.poll();
            single = w;
        }
        return new Taken(hub, batch, single);
    }

    /** Ends a room's turn; a room with more waiting is queued again. */
    private void release(RoomHub hub) {
        hub.writing.set(false);
        if (!hub.queue.isEmpty() && hub.writing.compareAndSet(false, true)) {
            schedule(hub);
        }
    }

    /** Runs a room's part of a turn; if it fails, each of its writes gets an error frame, and the turn goes on. */
    static void guarded(List<Taken> rooms, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A room's writer failed", e);
            for (Taken t : rooms) {
                for (Queued failed : t.all()) {
                    failed.from().send(Frames.error(LiveError.INTERNAL.code(),
                            "The server could not handle this frame; try again.", failed.frameId(), t.hub().roomId()));
                }
            }
        }
    }

}
