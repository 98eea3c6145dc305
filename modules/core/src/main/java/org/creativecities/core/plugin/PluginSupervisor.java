package org.creativecities.core.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one guard around every call into plugin code. It runs the call on a core-owned worker thread with the plugin's
 * class loader as context loader, enforces a time limit (interrupting the worker when it passes), catches every
 * {@link Throwable}, and limits each plugin to a few calls in flight, so that one hanging plugin cannot take every
 * worker. Failures are recorded in {@link PluginFailures}, which decides when a plugin is suspended in a city or
 * disabled; a call for a city where the plugin is suspended is refused. Input the core refuses never reaches the
 * plugin, so it never counts.
 *
 * <p>Request threads only ever wait for a bounded time. The workers belong to the core: they are created
 * by the container's managed thread factory, idle out after 30 s, and are interrupted when the plugin they
 * run is stopped.
 */
@ApplicationScoped
public class PluginSupervisor {

    /** A plugin's calls: its permits and what is in flight; keyed by plugin id, never by a plugin's class. */
    private final class Watch {
        final Semaphore permits = new Semaphore(config.maxConcurrentCalls());
        final Map<Future<?>, Boolean> inFlight = new ConcurrentHashMap<>();
    }

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    @Inject
    private PluginHostConfig config;

    @Inject
    private PluginFailures failures;

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private ThreadPoolExecutor workers;
    private ScheduledThreadPoolExecutor timers;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-plugin-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        workers = new ThreadPoolExecutor(0, config.maxThreads(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), named);
        timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-plugin-timer");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void shutdown() {
        workers.shutdownNow();
        timers.shutdownNow();
    }

    /**
     * Runs plugin code and waits for it, at most {@code timeout}.
     *
     * @param loader    the plugin's class loader, set as the worker's context class loader during the call
     * @param operation what is called, for the record (e.g. {@code http GET /hello})
     * @throws PluginCallException if the call failed, timed out or was rejected; the failure is recorded
     */
    public <T> T call(String pluginId, ClassLoader loader, String operation, Duration timeout, Callable<T> body) {
        return call(pluginId, Optional.empty(), loader, operation, timeout, body);
    }

    /**
     * Runs plugin code for a city and waits for it, at most {@code timeout}; a failure counts in that city.
     *
     * @param city the city the call is made for, if any
     * @see #call(String, ClassLoader, String, Duration, Callable)
     */
    public <T> T call(String pluginId, Optional<String> city, ClassLoader loader, String operation, Duration timeout,
                      Callable<T> body) {
        CompletableFuture<T> result = callAsync(pluginId, city, loader, operation, timeout, body);
        try {
            return result.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (PluginCallException) e.getCause();
        } catch (TimeoutException e) {
            throw new PluginCallException(pluginId, PluginCallException.Kind.TIMED_OUT,
                    operation + " did not finish within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginCallException(pluginId, PluginCallException.Kind.REJECTED,
                    operation + " was abandoned: the waiting thread was interrupted", e);
        }
    }

    /**
     * Runs plugin code without waiting. The future completes with the result, or exceptionally with a
     * {@link PluginCallException} (already recorded), within {@code timeout}.
     */
    public <T> CompletableFuture<T> callAsync(String pluginId, ClassLoader loader, String operation, Duration timeout,
                                              Callable<T> body) {
        return callAsync(pluginId, Optional.empty(), loader, operation, timeout, body);
    }

    /** {@link #callAsync(String, ClassLoader, String, Duration, Callable)} for a city. */
    public <T> CompletableFuture<T> callAsync(String pluginId, Optional<String> city, ClassLoader loader,
                                              String operation, Duration timeout, Callable<T> body) {
        Watch watch = watch(pluginId);
        CompletableFuture<T> result = new CompletableFuture<>();
        if (city.isPresent() && failures.isSuspended(pluginId, city.get())) {
            result.completeExceptionally(new PluginCallException(pluginId, PluginCallException.Kind.REJECTED,
                    operation + " refused: the plugin is suspended in " + city.get(), null));
            return result;
        }
        if (!watch.permits.tryAcquire()) {
            result.completeExceptionally(new PluginCallException(pluginId, PluginCallException.Kind.REJECTED,
                    operation + " refused: the plugin already has " + config.maxConcurrentCalls()
                            + " calls in flight", null));
            return result;
        }
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                watch.permits.release();
            }
        };
        FutureTask<Void> task = new FutureTask<>(() -> {
            started.set(true);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                thread.setContextClassLoader(previous);
                release.run();
            }
            return null;
        }) {
            @Override
            protected void done() {
                if (isCancelled() && !started.get()) {
                    release.run();
                }
            }
        };
        watch.inFlight.put(task, Boolean.TRUE);
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            watch.inFlight.remove(task);
            release.run();
            result.completeExceptionally(new PluginCallException(pluginId, PluginCallException.Kind.REJECTED,
                    operation + " refused: every plugin worker is busy", e));
            return result;
        }
        var timer = timers.schedule(() -> {
            if (result.completeExceptionally(new TimeoutException())) {
                task.cancel(true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return result.handle((value, error) -> {
            timer.cancel(false);
            watch.inFlight.remove(task);
            if (error == null) {
                return value;
            }
            throw new CompletionException(failure(pluginId, city, operation, timeout, unwrap(error)));
        }).exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e)));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private PluginCallException failure(String pluginId, Optional<String> city, String operation, Duration timeout,
                                        Throwable error) {
        if (error instanceof PluginCallException already) {
            return already;
        }
        PluginCallException failure = PluginCallException.of(pluginId, operation, timeout, error);
        if (failure.kind() != PluginCallException.Kind.BAD_INPUT) {
            // Administrators read the reason (no Java class names); the log line names the exception, with its trace.
            failures.record(pluginId, city, failure.reason(), failure.getMessage(),
                    error instanceof TimeoutException ? null : error);
        }
        return failure;
    }

    /** Interrupts every call in flight into a plugin (it is being stopped). */
    public void cancelAll(String pluginId) {
        Watch watch = watches.get(pluginId);
        if (watch != null) {
            watch.inFlight.keySet().forEach(f -> f.cancel(true));
            watch.inFlight.clear();
        }
    }

    /** Worker threads alive now (busy or idle). */
    public int workerThreads() {
        return workers.getPoolSize();
    }

    private Watch watch(String pluginId) {
        return watches.computeIfAbsent(pluginId, id -> new Watch());
    }
}
