package org.creativecities.core.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.TimeSource;

/**
 * The one guard around every call into plugin code. It runs the call on a core-owned worker thread with
 * the plugin's class loader as context loader, enforces a time limit (interrupting the worker when it
 * passes), catches every {@link Throwable}, limits each plugin to a few calls in flight (so one hanging
 * plugin cannot take every worker), and counts failures per plugin in a sliding window. When a plugin's
 * failures reach the threshold it fires {@link ThresholdReached}; the host then disables the plugin.
 *
 * <p>A call made for one city (a city-scoped route, a hook on that city's room) counts against the plugin in
 * that city only: enough failures there suspend the plugin in that city for a window ({@link CityFailures}), and
 * each such suspension counts as one failure network-wide. So one city's trouble (or a caller there who found a
 * way to make the plugin throw) cannot switch the plugin off for the whole network; trouble in several cities
 * still does. Input the core refuses never reaches the plugin, so it never counts.
 *
 * <p>Request threads only ever wait for a bounded time. The workers belong to the core: they are created
 * by the container's managed thread factory, idle out after 30 s, and are interrupted when the plugin they
 * run is stopped.
 */
@ApplicationScoped
public class PluginSupervisor {

    /**
     * A plugin failed often enough to be disabled.
     *
     * @param pluginId the plugin
     * @param reason   the failures, for the record
     */
    public record ThresholdReached(String pluginId, String reason) {
    }

    /**
     * A plugin's recent health as the supervisor sees it.
     *
     * @param recentFailures failures within the window
     * @param totalFailures  failures since the server started
     * @param lastError      the last failure, if any
     * @param lastErrorAt    when
     * @param suspendedIn    the cities where the plugin is suspended now, sorted
     */
    public record Health(int recentFailures, long totalFailures, Optional<String> lastError,
                         Optional<Instant> lastErrorAt, List<String> suspendedIn) {
    }

    /** Per-plugin bookkeeping; keyed by plugin id (a string), never by a plugin's class. */
    private final class Watch {
        final FailureWindow window = new FailureWindow(config.failureThreshold(), config.failureWindow());
        final CityFailures cities = new CityFailures(config.cityFailureThreshold(), config.failureWindow());
        final Semaphore permits = new Semaphore(config.maxConcurrentCalls());
        final Map<Future<?>, Boolean> inFlight = new ConcurrentHashMap<>();
        volatile String lastError;
        volatile Instant lastErrorAt;
        volatile long total;
    }

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    @Inject
    private PluginHostConfig config;

    @Inject
    private TimeSource time;

    @Inject
    private Event<ThresholdReached> thresholdReached;

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
        if (city.isPresent() && watch.cities.isSuspended(city.get(), time.now().toInstant())) {
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
            record(pluginId, city, failure.reason(), failure.getMessage(),
                    error instanceof TimeoutException ? null : error);
        }
        return failure;
    }

    /** Records a failure that happened outside {@link #call} (for example a refused contribution). */
    public void record(String pluginId, String message, Throwable cause) {
        record(pluginId, Optional.empty(), message, cause);
    }

    private void record(String pluginId, Optional<String> city, String message, Throwable cause) {
        record(pluginId, city, message, message, cause);
    }

    /**
     * Records a failure: {@code reason} is what administrators read as the last error, {@code logged} the log line
     * (which may name the plugin's exception).
     */
    private void record(String pluginId, Optional<String> city, String reason, String logged, Throwable cause) {
        Watch watch = watch(pluginId);
        Instant now = time.now().toInstant();
        String where = city.map(c -> " (in " + c + ")").orElse("");
        watch.lastError = reason + where;
        watch.lastErrorAt = now;
        watch.total++;
        Logger log = Logger.getLogger(PluginContextServices.loggerName(pluginId));
        log.log(Level.WARNING, logged + where, cause);
        if (city.isPresent() && !watch.cities.record(city.get(), now)) {
            return;
        }
        city.ifPresent(c -> log.warning(() -> "Plugin " + pluginId + " suspended in " + c + " for "
                + config.failureWindow() + " after " + config.cityFailureThreshold() + " failures there"));
        if (watch.window.record(now)) {
            int count = watch.window.count(now);
            thresholdReached.fire(new ThresholdReached(pluginId, count + " failures within "
                    + config.failureWindow() + "; last: " + watch.lastError));
        }
    }

    /** Interrupts every call in flight into a plugin (it is being stopped). */
    public void cancelAll(String pluginId) {
        Watch watch = watches.get(pluginId);
        if (watch != null) {
            watch.inFlight.keySet().forEach(f -> f.cancel(true));
            watch.inFlight.clear();
        }
    }

    /** Forgets recent failures, when an administrator starts or enables a plugin again. */
    public void reset(String pluginId) {
        Watch watch = watches.get(pluginId);
        if (watch != null) {
            watch.window.clear();
            watch.cities.clear();
        }
    }

    /** Whether the plugin's failures in {@code city} have suspended it there. */
    public boolean isSuspended(String pluginId, String city) {
        Watch watch = watches.get(pluginId);
        return watch != null && watch.cities.isSuspended(city, time.now().toInstant());
    }

    public Health health(String pluginId) {
        Watch watch = watches.get(pluginId);
        if (watch == null) {
            return new Health(0, 0, Optional.empty(), Optional.empty(), List.of());
        }
        Instant now = time.now().toInstant();
        return new Health(watch.window.count(now), watch.total, Optional.ofNullable(watch.lastError),
                Optional.ofNullable(watch.lastErrorAt), watch.cities.suspended(now));
    }

    /** Worker threads alive now (busy or idle). */
    public int workerThreads() {
        return workers.getPoolSize();
    }

    private Watch watch(String pluginId) {
        return watches.computeIfAbsent(pluginId, id -> new Watch());
    }
}
