package org.creativecities.core.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The outbound queue of one connection. Frames are handed to an asynchronous sender one write at a time; while a
 * write is in flight the frames offered meanwhile wait here, and go out together as the next write (up to
 * {@link #MAX_WRITE_FRAMES} frames and {@link #MAX_WRITE_CHARS} characters), so a reader that falls behind costs
 * fewer writes and flushes, not more. Offering never blocks.
 *
 * <p>A consumer is slow, and the queue gives up (drops everything, refuses further frames and reports an overflow
 * once, so that the connection is closed as a slow consumer), when either
 * <ul>
 *   <li>its writes have made no progress for the grace time: a write has been in flight that long without
 *       completing, so the client has not read a write's worth of bytes in that time; or</li>
 *   <li>more than {@code capacity} frames, or frames of more than {@code maxChars} characters in all, are
 *       waiting: hard caps on the memory held for one connection, meant to be well above the largest burst the
 *       server sends at once (a room writer's batch: an ack and a message per post, its text bounded too).</li>
 * </ul>
 * The number of frames waiting alone does not make a consumer slow: a healthy client on a busy machine receives a
 * whole batch in one burst, and frames are shared, encoded once for all recipients ({@link OutFrame}), so waiting
 * costs little memory. What marks a consumer that stopped reading is that nothing moves.
 */
final class OutboundQueue {

    /** Most frames written together in one write. */
    static final int MAX_WRITE_FRAMES = 64;

    /** Most characters of frames written together (beyond the first frame of the write). */
    static final int MAX_WRITE_CHARS = 64 * 1024;

    /** Writes that carried several frames, over all connections (for {@code /health}). */
    private static final java.util.concurrent.atomic.LongAdder MULTI_FRAME_WRITES =
            new java.util.concurrent.atomic.LongAdder();

    /** How many writes so far carried several frames at once, over all connections. */
    static long multiFrameWrites() {
        return MULTI_FRAME_WRITES.sum();
    }

    private final int capacity;
    private final long maxChars;
    private final long graceNanos;
    private final LongSupplier clock;
    private final BiConsumer<List<OutFrame>, Runnable> sender;
    private final Consumer<OutboundQueue> onOverflow;
    private final ArrayDeque<OutFrame> waiting = new ArrayDeque<>();
    /** The characters of the frames {@link #waiting}. */
    private long waitingChars;
    private boolean inFlight;
    private boolean dead;
    /** When the current run of sends started or last completed a frame ({@link #clock} time). */
    private long lastProgress;
    /** While {@link #pump} hands a frame to the sender; a completion meanwhile is left to that loop. */
    private boolean sending;
    private boolean completedWhileSending;

    /**
     * @param capacity   frames that may wait at most
     * @param maxChars   characters the frames waiting may have in all, at most
     * @param grace      how long a write may make no progress
     * @param clock      the time in nanoseconds ({@link System#nanoTime} but in tests)
     * @param sender     writes frames, in order, and runs the callback once when the write has completed (or failed)
     * @param onOverflow called once when the consumer turns out slow
     */
    OutboundQueue(int capacity, long maxChars, Duration grace, LongSupplier clock,
                  BiConsumer<List<OutFrame>, Runnable> sender, Consumer<OutboundQueue> onOverflow) {
        this.capacity = capacity;
        this.maxChars = maxChars;
        this.graceNanos = grace.toNanos();
        this.clock = clock;
        this.sender = sender;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false if the queue is dead (the consumer was slow, or the queue was closed). */
    boolean offer(OutFrame frame) {
        return offerAll(List.of(frame));
    }

    /**
     * Queues frames, in order, at once: when nothing is in flight they go out together, as one write (a room
     * writer's batch costs each member one write, not one per event). False if the queue is dead.
     */
    boolean offerAll(List<OutFrame> frames) {
        boolean start = false;
        boolean slow = false;
        synchronized (this) {
            if (dead) {
                return false;
            }
            long chars = 0;
            for (OutFrame f : frames) {
                chars += f.chars();
            }
            if (waiting.size() + frames.size() > capacity || waitingChars + chars > maxChars || stalled()) {
                giveUp();
                slow = true;
            } else {
                waiting.addAll(frames);
                waitingChars += chars;
                if (!inFlight && !waiting.isEmpty()) {
                    inFlight = true;
                    lastProgress = clock.getAsLong();
                    start = true;
                }
            }
        }
        if (slow) {
            onOverflow.accept(this);
            return false;
        }
        if (start) {
            pump();
        }
        return true;
    }

    /**
     * Gives up on a consumer whose write has made no progress for the grace time, even when no further frame is
     * offered; for a periodic sweep.
     *
     * @return true if the consumer was found slow now
     */
    boolean giveUpIfStalled() {
        synchronized (this) {
            if (dead || !stalled()) {
                return false;
            }
            giveUp();
        }
        onOverflow.accept(this);
        return true;
    }

    /** Stops sending; frames still waiting are dropped. */
    synchronized void close() {
        giveUp();
    }

    /** Stops sending, as {@link #close}; true if this closed it (it was open). */
    synchronized boolean closeIfOpen() {
        boolean open = !dead;
        giveUp();
        return open;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** Under the lock: a write is in flight and none has completed within the grace time. */
    private boolean stalled() {
        return inFlight && clock.getAsLong() - lastProgress > graceNanos;
    }

    /** Under the lock. */
    private void giveUp() {
        dead = true;
        waiting.clear();
        waitingChars = 0;
    }

    /**
     * Writes what waits, one write at a time, in a loop: a write that completes at once, on this thread (the
     * container does so while the socket takes more), lets the loop go on instead of nesting a call per write, so a
     * long backlog never deepens the stack. A write that completes later, on another thread, starts the loop again
     * there.
     */
    private void pump() {
        while (true) {
            List<OutFrame> next;
            synchronized (this) {
                lastProgress = clock.getAsLong();
                next = dead ? null : takeWrite();
                if (next == null) {
                    inFlight = false;
                    return;
                }
                sending = true;
                completedWhileSending = false;
            }
            sender.accept(next, this::completed);
            synchronized (this) {
                sending = false;
                if (!completedWhileSending) {
                    return;
                }
            }
        }
    }

    /** Under the lock: the frames of the next write, or null when none waits. */
    private List<OutFrame> takeWrite() {
        OutFrame first = waiting.poll();
        if (first == null) {
            return null;
        }
        waitingChars -= first.chars();
        if (waiting.isEmpty()) {
            return List.of(first);
        }
        List<OutFrame> write = new ArrayList<>(Math.min(waiting.size() + 1, MAX_WRITE_FRAMES));
        write.add(first);
        int chars = 0;
        while (write.size() < MAX_WRITE_FRAMES && !waiting.isEmpty()
                && chars + waiting.peek().chars() <= MAX_WRITE_CHARS) {
            OutFrame f = waiting.poll();
            chars += f.chars();
            waitingChars -= f.chars();
            write.add(f);
        }
        if (write.size() > 1) {
            MULTI_FRAME_WRITES.increment();
        }
        return write;
    }

    /** The write in flight completed (or failed). */
    private void completed() {
        synchronized (this) {
            if (sending) {
                completedWhileSending = true;
                return;
            }
        }
        pump();
    }
}
