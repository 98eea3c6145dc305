package org.creativecities.core.plugin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the supervisor does for the timers, without a container: runs each call on a worker thread of its own,
 * records the operations and the failures (as the supervisor counts them against the plugin), and refuses the next
 * {@link #refuseNext} calls as a busy plugin's would be refused.
 */
final class FakeTimerCalls implements PluginTimerSet.Calls, AutoCloseable {

    final List<String> operations = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseNext = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool();

    @Override
    public <T> CompletableFuture<T> run(String operation, Callable<T> body) {
        operations.add(operation);
        CompletableFuture<T> result = new CompletableFuture<>();
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            result.completeExceptionally(new CompletionException(new PluginCallException("p",
                    PluginCallException.Kind.REJECTED, operation + " refused: the plugin is busy", null)));
            return result;
        }
        workers.execute(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                failures.add(operation);
                result.completeExceptionally(PluginCallException.of("p", operation, Duration.ofSeconds(2), t));
            }
        });
        return result;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
