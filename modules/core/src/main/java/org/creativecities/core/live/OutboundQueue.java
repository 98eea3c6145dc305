package org.creativecities.core.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The outbound queue of one connection. Frames are sent one at a time through an asynchronous sender; while one
 * is in flight the others wait here. Offering never blocks.
 *
 * <p>A consumer is slow, and the queue gives up (drops everything, refuses further frames and reports an overflow
 * once, so that the connection is closed as a slow consumer), when either
 * <ul>
 *   <li>its writes have made no progress for the grace time: a frame has been in flight that long without
 *       completing, so the client has not read a frame's worth of bytes in that time; or</li>
 *   <li>more than {@code capacity} frames, or frames of more than {@code maxChars} characters in all, are
 *       waiting: hard caps on the memory held for one connection, meant to be well above the largest burst the
 *       server sends at once (a room writer's batch: an ack and a message per post, its text bounded too).</li>
 * </ul>
 * The number of frames waiting alone does not make a consumer slow: a healthy client on a busy machine receives a
 * whole batch in one burst, and frames are shared strings, encoded once for all recipients, so waiting costs
 * little memory. What marks a consumer that stopped reading is that nothing moves.
 */
final class OutboundQueue {

    private final int capacity;
    private final long maxChars;
    private final long graceNanos;
    private final LongSupplier clock;
    private final BiConsumer<String, Runnable> sender;
    private final Consumer<OutboundQueue> onOverflow;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
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
     * @param sender     sends one frame and runs the callback when the send has completed (or failed)
     * @param onOverflow called once when the consumer turns out slow
     */
    OutboundQueue(int capacity, long maxChars, Duration grace, LongSupplier clock,
                  BiConsumer<String, Runnable> sender, Consumer<OutboundQueue> onOverflow) {
        this.capacity = capacity;
        this.maxChars = maxChars;
        this.graceNanos = grace.toNanos();
        this.clock = clock;
        this.sender = sender;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false if the queue is dead (the consumer was slow, or the queue was closed). */
    boolean offer(String frame) {
        boolean start = false;
        boolean slow = false;
        synchronized (this) {
            if (dead) {
                return false;
            }
            if (waiting.size() >= capacity || waitingChars + frame.length() > maxChars || stalled()) {
                giveUp();
                slow = true;
            } else {
                waiting.add(frame);
                waitingChars += frame.length();
                if (!inFlight) {
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

    synchronized int waiting() {
        return waiting.size();
    }

    /** Under the lock: a frame is in flight and none has completed within the grace time. */
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
     * Sends what waits, one frame at a time, in a loop: a send that completes at once, on this thread (the container
     * does so while the socket takes more), lets the loop go on instead of nesting a call per frame, so a long
     * backlog never deepens the stack. A send that completes later, on another thread, starts the loop again there.
     */
    private void pump() {
        while (true) {
            String next;
            synchronized (this) {
                lastProgress = clock.getAsLong();
                next = dead ? null : waiting.poll();
                if (next == null) {
                    inFlight = false;
                    return;
                }
                waitingChars -= next.length();
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

    /** The frame in flight was written (or failed). */
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
