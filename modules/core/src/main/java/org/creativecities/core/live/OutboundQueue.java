package org.creativecities.core.live;

import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The bounded outbound queue of one connection. Frames are sent one at a time through an asynchronous
 * sender; while one is in flight the others wait here. When a frame arrives and {@code capacity} frames are
 * already waiting, the queue gives up: it drops everything, refuses further frames, and reports an
 * overflow once, so that the connection is closed as a slow consumer. Offering never blocks.
 */
final class OutboundQueue {

    private final int capacity;
    private final BiConsumer<String, Runnable> sender;
    private final Consumer<OutboundQueue> onOverflow;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private boolean inFlight;
    private boolean dead;

    /**
     * @param capacity   frames that may wait
     * @param sender     sends one frame and runs the callback when the send has completed (or failed)
     * @param onOverflow called once when the queue overflows
     */
    OutboundQueue(int capacity, BiConsumer<String, Runnable> sender, Consumer<OutboundQueue> onOverflow) {
        this.capacity = capacity;
        this.sender = sender;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false if the queue is dead (overflowed or closed). */
    boolean offer(String frame) {
        synchronized (this) {
            if (dead) {
                return false;
            }
            if (waiting.size() >= capacity) {
                dead = true;
                waiting.clear();
            } else {
                waiting.add(frame);
                if (inFlight) {
                    return true;
                }
                inFlight = true;
            }
        }
        if (dead) {
            onOverflow.accept(this);
            return false;
        }
        pump();
        return true;
    }

    /** Stops sending; frames still waiting are dropped. */
    synchronized void close() {
        dead = true;
        waiting.clear();
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private void pump() {
        String next;
        synchronized (this) {
            next = dead ? null : waiting.poll();
            if (next == null) {
                inFlight = false;
                return;
            }
        }
        sender.accept(next, this::pump);
    }
}
