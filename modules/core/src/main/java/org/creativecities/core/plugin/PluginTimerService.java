package org.creativecities.core.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.creativecities.core.platform.TimeSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The core's side of plugin timers ({@link org.creativecities.plugin.api.timer.PluginTimers}): it owns the
 * scheduler threads (shut down when the application is undeployed) and the {@link PluginTimerSet} of each running
 * plugin. The {@link PluginLauncher} opens a set when it creates a plugin's context, arms the plugin's stored durable
 * timers once the plugin has started, and closes the set first thing when the plugin stops (or fails to start), so
 * nothing fires after {@code stop}. Every firing runs through the {@link PluginSupervisor} with the call time limit.
 *
 * <p>Configuration (MicroProfile Config, with defaults): {@code ccc.plugins.timers.max-per-plugin} (100),
 * {@code ccc.plugins.timers.min-delay} (PT1S), {@code ccc.plugins.timers.retry-delay} (PT30S).
 */
@ApplicationScoped
public class PluginTimerService {

    /** Scheduler threads: they only hand firings to the supervisor and book-keep durable timers. */
    private static final int THREADS = 2;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    @Inject
    private PluginSupervisor supervisor;

    @Inject
    private PluginHostConfig hostConfig;

    @Inject
    private PluginRegistry registry;

    @Inject
    private JpaDurableTimerStore store;

    @Inject
    private TimeSource time;

    private final Map<String, PluginTimerSet> sets = new ConcurrentHashMap<>();
    private ScheduledThreadPoolExecutor scheduler;
    private PluginTimerSet.Limits limits;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        scheduler = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-plugin-timers-" + n.incrementAndGet());
            t.setDaemon(true);
            // Created on first use, possibly from a plugin's call: never let a core thread keep a plugin's loader.
            t.setContextClassLoader(PluginTimerService.class.getClassLoader());
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        limits = limits(ConfigProvider.getConfig());
    }

    @PreDestroy
    void shutdown() {
        sets.values().forEach(PluginTimerSet::close);
        sets.clear();
        scheduler.shutdownNow();
    }

    static PluginTimerSet.Limits limits(Config config) {
        return new PluginTimerSet.Limits(
                config.getOptionalValue("ccc.plugins.timers.max-per-plugin", Integer.class).orElse(100),
                duration(config, "ccc.plugins.timers.min-delay", Duration.ofSeconds(1)),
                duration(config, "ccc.plugins.timers.retry-delay", Duration.ofSeconds(30)));
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank()).map(s -> Duration.parse(s.trim()))
                .orElse(fallback);
    }

    /** A new set for a start of the plugin, closing what an earlier start left open. */
    PluginTimerSet open(String pluginId) {
        ClassLoader loader = registry.wrapper(pluginId).getPluginClassLoader();
        PluginTimerSet.Calls calls = new PluginTimerSet.Calls() {
            @Override
            public <T> CompletableFuture<T> run(String operation, Callable<T> body) {
                return supervisor.callAsync(pluginId, loader, operation, hostConfig.callTimeout(), body);
            }
        };
        PluginTimerSet set = new PluginTimerSet(pluginId, scheduler, calls, store, limits, time.clock(),
                Logger.getLogger(PluginContextServices.loggerName(pluginId)));
        PluginTimerSet previous = sets.put(pluginId, set);
        if (previous != null) {
            previous.close();
        }
        return set;
    }

    /** The plugin has started: its stored durable timers are armed (the past-due ones fire at once). */
    void started(String pluginId) {
        PluginTimerSet set = sets.get(pluginId);
        if (set != null) {
            set.armStored();
        }
    }

    /** The plugin stops or failed to start: every in-memory timer is cancelled, durable ones wait in the store. */
    void stopped(String pluginId) {
        PluginTimerSet set = sets.remove(pluginId);
        if (set != null) {
            set.close();
        }
    }
}
