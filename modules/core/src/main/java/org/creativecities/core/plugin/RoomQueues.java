package org.creativecities.core.plugin;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-room queues of calls into plugin room kinds ({@link PluginRoomKinds}): the steps of one room run one after
 * the other, in the order they were queued, each once the previous one has finished (successfully or not); different
 * rooms run concurrently. A room's queue is dropped when it is empty.
 */
final class RoomQueues {

    private static final Logger LOG = Logger.getLogger(PluginRoomKinds.class.getName());

    private final ConcurrentMap<Long, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();

    /** Runs a step after the room's previous steps have finished (successfully or not). */
    void enqueue(long roomId, Supplier<CompletableFuture<?>> step) {
        CompletableFuture<Void> next = queues.compute(roomId, (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).thenCompose(x -> {
                    try {
                        return step.get().handle((v, e) -> (Void) null);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "A room kind step failed", e);
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                }));
        next.whenComplete((v, e) -> queues.remove(roomId, next));
    }
}
