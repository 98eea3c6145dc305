package org.creativecities.core.plugin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.plugin.PluginDtos.PluginView;
import org.creativecities.plugin.api.PluginApi;

/**
 * Switches installed plugins on and off: starts the enabled ones at start-up and stops them all at shutdown,
 * and carries out the administrators' start, stop, enable, disable and placement, and the supervisor's
 * automatic disable. Each change holds the {@link PluginRegistry}'s lifecycle lock and is audited.
 */
@ApplicationScoped
public class PluginActivator {

    private static final Logger LOG = Logger.getLogger(PluginActivator.class.getName());

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginBootLoader bootLoader;

    @Inject
    private PluginLauncher launcher;

    @Inject
    private PluginFailures failures;

    @Inject
    private PluginStates states;

    @Inject
    private PluginDataStore data;

    @Inject
    private Event<AdminChange> audit;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService background;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private volatile ScheduledFuture<?> purging;

    void boot(@Observes @Priority(300) Bootstrap.Started started) {
        long t0 = System.nanoTime();
        synchronized (registry.lifecycle()) {
            bootLoader.loadAll();
            for (String pluginId : registry.manager().startOrder()) {
                launcher.restartIfEnabled(pluginId);
            }
        }
        purging = scheduler.scheduleWithFixedDelay(this::purgeExpired, 1, 1, TimeUnit.MINUTES);
        LOG.info(() -> String.format("Plugin host (API %s): %d loaded, %d started, %d refused, in %d ms",
                PluginApi.VERSION, registry.loadedPlugins(), registry.runningPlugins().size(),
                registry.refusedCount(), (System.nanoTime() - t0) / 1_000_000));
    }

    @PreDestroy
    void shutdown() {
        if (purging != null) {
            purging.cancel(false);
        }
        synchronized (registry.lifecycle()) {
            if (registry.manager() != null) {
                registry.runningPlugins().forEach(rt -> launcher.stop(rt.pluginId()));
                registry.manager().unloadPlugins();
            }
        }
    }

    private void purgeExpired() {
        try {
            int n = data.purgeExpired();
            if (n > 0) {
                LOG.fine(() -> "Purged " + n + " expired plugin storage entries");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired plugin storage failed", e);
        }
    }

    /**
     * Starts a stopped plugin. The plugins that depend on it stay as they are: an administrator starts them (see
     * {@link #stop}).
     */
    public PluginView start(String pluginId) {
        return change("plugin.start", pluginId, () -> {
            if (!states.findOrCreate(pluginId).isEnabled()) {
                throw ProblemException.conflict("Plugin disabled", "Plugin '" + pluginId
                        + "' is disabled; enable it to start it.");
            }
            if (!registry.isRunning(pluginId)) {
                failures.reset(pluginId);
                launcher.start(pluginId);
            }
            return List.of();
        });
    }

    /**
     * Stops a plugin until it is started again or the server restarts (it stays enabled), and first the running
     * plugins that depend on it, which stay enabled but stopped until an administrator starts them.
     */
    public PluginView stop(String pluginId) {
        return change("plugin.stop", pluginId, () -> {
            List<String> dependents = launcher.stopWithDependents(pluginId);
            registry.forgetStartFailure(pluginId);
            return dependents;
        });
    }

    /** Enables and starts a plugin; like {@link #start}, it does not start the plugins that depend on it. */
    public PluginView enable(String pluginId) {
        return change("plugin.enable", pluginId, () -> {
            states.enable(pluginId);
            failures.reset(pluginId);
            if (!registry.isRunning(pluginId)) {
                launcher.start(pluginId);
            }
            return List.of();
        });
    }

    /** Disables a plugin, stopping first the running plugins that depend on it (as {@link #stop} does). */
    public PluginView disable(String pluginId, String reason) {
        return change("plugin.disable", pluginId, () -> {
            List<String> dependents = launcher.stopWithDependents(pluginId);
            registry.forgetStartFailure(pluginId);
            states.disable(pluginId, reason);
            return dependents;
        });
    }

    /**
     * Makes a lifecycle change to an installed plugin under the lock and records it in the audit log with the
     * state before and after; the change answers the dependents it stopped, each recorded as stopped too.
     */
    private PluginView change(String action, String pluginId, Supplier<List<String>> change) {
        registry.requireBooted();
        synchronized (registry.lifecycle()) {
            registry.wrapper(pluginId);
            PluginStatus before = registry.status(pluginId);
            List<String> stoppedDependents = change.get();
            auditStoppedDependents(pluginId, stoppedDependents);
            PluginView after = registry.view(pluginId);
            audit.fire(new AdminChange(action, "plugin " + pluginId, before.name(), after.state()
                    + (stoppedDependents.isEmpty() ? "" : "; dependents stopped: "
                    + String.join(", ", stoppedDependents))));
            return after.withStoppedDependents(stoppedDependents);
        }
    }

    private void auditStoppedDependents(String pluginId, List<String> stopped) {
        for (String dependent : stopped) {
            audit.fire(new AdminChange("plugin.stop", "plugin " + dependent, PluginStatus.STARTED.name(),
                    registry.status(dependent).name() + ": stopped with plugin '" + pluginId
                            + "', which it depends on"));
        }
    }

    /** Switches a plugin on for the whole network or for the given cities only. */
    public PluginView place(String pluginId, boolean networkWide, Set<String> cities) {
        registry.requireBooted();
        synchronized (registry.lifecycle()) {
            registry.wrapper(pluginId);
            String before = placement(states.findOrCreate(pluginId));
            PluginRecord after = states.placeIn(pluginId, networkWide, cities);
            audit.fire(new AdminChange("plugin.placement", "plugin " + pluginId, before, placement(after)));
            return registry.view(pluginId);
        }
    }

    void onThreshold(@Observes PluginFailures.ThresholdReached reached) {
        background.execute(() -> autoDisable(reached.pluginId(), reached.reason()));
    }

    private void autoDisable(String pluginId, String reason) {
        synchronized (registry.lifecycle()) {
            if (registry.manager().getPlugin(pluginId) == null || !states.findOrCreate(pluginId).isEnabled()) {
                return;
            }
            LOG.warning(() -> "Disabling plugin " + pluginId + " automatically: " + reason);
            List<String> dependents = launcher.stopWithDependents(pluginId);
            states.disable(pluginId, "Disabled automatically by the supervisor: " + reason);
            auditStoppedDependents(pluginId, dependents);
            audit.fire(new AdminChange("plugin.auto-disable", "plugin " + pluginId, PluginStatus.STARTED.name(),
                    PluginStatus.DISABLED.name() + ": " + reason));
        }
    }

    private static String placement(PluginRecord r) {
        return r.isNetworkWide() ? "network-wide" : String.join(",", r.cities().stream().sorted().toList());
    }
}
