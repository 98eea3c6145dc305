package org.creativecities.core.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.persistence.SharedDatabase;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The core's side of plugin timers ({@link org.creativecities.plugin.api.timer.PluginTimers}): it owns the
 * scheduler threads (shut down when the application is undeployed) and the {@link PluginTimerSet} of each running
 * plugin. The {@link PluginLauncher} opens a set when it creates a plugin's context, arms the plugin's stored durable
 * timers once the plugin has started, and closes the set first thing when the plugin stops (or fails to start), so
 * nothing fires after {@code stop}. Every firing runs through the {@link PluginSupervisor} with the call time limit.
 *
 * <p>On a database several nodes share, a durable timer that one node stored must also fire when that node is gone:
 * every {@code ccc.plugins.timers.sweep-interval} each node arms the stored timers that fall due before the next
 * sweep, for the plugins it runs; the first node to claim a delivery makes it ({@link JpaDurableTimerStore}), so a
 * timer fires once in the cluster. In-memory timers belong to the start that made them, on its node.
 *
 * <p>Configuration (MicroProfile Config, with defaults): {@code ccc.plugins.timers.max-per-plugin} (100),
 * {@code ccc.plugins.timers.min-delay} (PT1S), {@code ccc.plugins.timers.retry-delay} (PT30S),
 * {@code ccc.plugins.timers.sweep-interval} (PT5S).
 */
@ApplicationScoped
public class PluginTimerService {

    /** Scheduler threads: they only hand firings to the supervisor and book-keep durable timers. */
    private static final int THREADS = 2;
    /** How often a node sweeps for due durable timers, on a shared database. */
    static final String SWEEP_INTERVAL = "ccc.plugins.timers.sweep-interval";
    private static final Logger LOG = Logger.getLogger(PluginTimerService.class.getName());

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

    @Inject
    private SharedDatabase database;

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

    /** On a shared database, starts sweeping for due timers once the application is deployed. */
    void startSweeping(@Observes @Priority(320) Bootstrap.Deployed deployed) {
        if (!database.isShared()) {
            return;
        }
        Duration every = AppConfig.positiveDuration(SWEEP_INTERVAL, Duration.ofSeconds(5));
        scheduler.scheduleWithFixedDelay(() -> sweep(every), every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Arms the stored durable timers due before the next sweep, of the plugins running here. */
    private void sweep(Duration every) {
        if (sets.isEmpty()) {
            return;
        }
        try {
            for (JpaDurableTimerStore.Due due : store.dueBy(time.clock().instant().plus(every))) {
                PluginTimerSet set = sets.get(due.pluginId());
                if (set != null) {
                    set.armDue(due.timer(), due.at());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugin timers: the sweep for due durable timers failed; trying again in " + every,
                    e);
        }
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
