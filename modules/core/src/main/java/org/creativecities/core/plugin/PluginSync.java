package org.creativecities.core.plugin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.persistence.SharedDatabase;
import org.creativecities.core.platform.web.ProblemException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Keeps this node's plugins in line with what other nodes did, on a database several nodes share
 * ({@link SharedDatabase#isShared()}), by a sweep every {@value #INTERVAL} (2 s by default). The nodes share the
 * plugins folder (its jars are what is installed) and the database (each plugin's switch, settings and storage):
 * <ul>
 *   <li>a jar that appeared in the folder and whose plugin has a record (the installing node wrote it) is loaded and
 *       started if enabled; a loaded plugin whose jar is gone is stopped and unloaded (uninstalled elsewhere), and a
 *       new jar of it is loaded in its place (upgraded elsewhere). Jars are only ever moved into the folder whole
 *       (an atomic rename), so a sweep never sees half a jar; it never deletes one;</li>
 *   <li>a plugin enabled elsewhere is started here, one disabled elsewhere (by an administrator or the supervisor)
 *       is stopped with the plugins that depend on it; any change of a record drops the cached switches, so
 *       placements hold at once. Changes this node made are not carried out twice; stopping and starting without
 *       disabling stay this node's own.</li>
 * </ul>
 * Settings and storage need nothing: every read goes to the database. Each sweep costs a folder listing and one
 * query; it takes the lifecycle lock only when something changed.
 */
@ApplicationScoped
class PluginSync {

    private static final Logger LOG = Logger.getLogger(PluginSync.class.getName());

    /** How often the sweep runs. */
    static final String INTERVAL = "ccc.plugins.sync-interval";

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginLauncher launcher;

    @Inject
    private PluginStates states;

    @Inject
    private PluginSwitches switches;

    @Inject
    private PluginFailures failures;

    @Inject
    private SharedDatabase database;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    /** The version and switch of each record, as last seen. */
    private final Map<String, PluginStates.Seen> seen = new HashMap<>();
    /** Jars refused by inspection, with the modification time they were refused at (retried when it changes). */
    private final Map<Path, FileTime> refused = new HashMap<>();
    /**
     * Jars that cannot be loaded yet (no record of their plugin, its old jar still there, a dependency missing), with
     * their modification time: retried when it changes, or when a record or the loaded plugins change.
     */
    private final Map<Path, FileTime> waiting = new HashMap<>();
    /** Plugins whose record this node changed since the last sweep: already carried out here. */
    private final Set<String> changedHere = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> sweeping;

    /** Once the application is deployed (the plugins started at start-up, before it). */
    void start(@Observes @Priority(310) Bootstrap.Deployed deployed) {
        if (!database.isShared()) {
            return;
        }
        states.seen().forEach(s -> seen.put(s.pluginId(), s));
        Duration every = AppConfig.positiveDuration(INTERVAL, Duration.ofSeconds(2));
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Plugins: looking for other nodes' changes every " + every);
    }

    /** A change this node made (an administrator here, or this node's supervisor): the sweep will not act on it. */
    void changedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) PluginStates.Changed event) {
        if (sweeping != null) {
            changedHere.add(event.pluginId());
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = sweeping;
        if (s != null) {
            s.cancel(false);
        }
    }

    synchronized void sweep() {
        try {
            if (registry.manager() == null) {
                return;
            }
            List<Path> jars = jars();
            boolean recordsChanged = recordsChanged(states.seen());
            if (recordsChanged) {
                waiting.clear();
            }
            Set<Path> loaded;
            synchronized (registry.lifecycle()) {
                loaded = loadedJars();
            }
            if (!jarsChanged(jars, loaded) && !recordsChanged) {
                return;
            }
            synchronized (registry.lifecycle()) {
                syncJars(jars());
                syncSwitches(states.seen());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugins: looking for other nodes' changes failed; trying again", e);
        }
    }

    private List<Path> jars() {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(registry.pluginsDir(), "*.jar")) {
            dir.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + registry.pluginsDir() + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private Set<Path> loadedJars() {
        Set<Path> out = new HashSet<>();
        registry.manager().getPlugins().forEach(w -> out.add(w.getPluginPath().toAbsolutePath().normalize()));
        return out;
    }

    private boolean jarsChanged(List<Path> jars, Set<Path> loaded) {
        if (!jars.containsAll(loaded)) {
            return true;
        }
        for (Path jar : jars) {
            if (!loaded.contains(jar) && !stillRefused(jar)) {
                return true;
            }
        }
        return false;
    }

    private boolean recordsChanged(List<PluginStates.Seen> records) {
        if (records.size() != seen.size()) {
            return true;
        }
        return records.stream().anyMatch(r -> !r.equals(seen.get(r.pluginId())));
    }

    private boolean stillRefused(Path jar) {
        FileTime at = refused.containsKey(jar) ? refused.get(jar) : waiting.get(jar);
        return at != null && at.equals(modified(jar));
    }

    private static FileTime modified(Path jar) {
        try {
            return Files.getLastModifiedTime(jar);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Unloads the plugins whose jar is gone, then loads the recorded plugins of new jars. */
    private void syncJars(List<Path> jars) {
        HostPluginManager manager = registry.manager();
        int before = manager.getPlugins().size();
        for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
            if (!jars.contains(w.getPluginPath().toAbsolutePath().normalize())) {
                String id = w.getPluginId();
                launcher.stop(id);
                manager.unloadPlugin(id);
                registry.forgetStartFailure(id);
                failures.reset(id);
                LOG.info(() -> "Plugin " + id + ": its jar " + w.getPluginPath().getFileName() + " was removed by "
                        + "another node; stopped and unloaded here");
            }
        }
        Set<Path> loaded = loadedJars();
        refused.keySet().retainAll(jars);
        waiting.keySet().retainAll(jars);
        boolean any = loaded.size() != before;
        for (Path jar : jars) {
            if (!loaded.contains(jar) && !stillRefused(jar)) {
                any |= load(jar);
            }
        }
        if (any) {
            waiting.clear();
        }
    }

    /** Loads a new jar if its plugin is recorded and not loaded from another jar; whether it did. */
    private boolean load(Path jar) {
        HostPluginManager manager = registry.manager();
        PluginJarInspector.Inspection found;
        try {
            found = registry.inspector().inspect(jar);
        } catch (ProblemException e) {
            refused.put(jar, modified(jar));
            LOG.warning(() -> "Plugin jar " + jar.getFileName() + " left alone: " + e.getMessage());
            return false;
        }
        if (manager.getPlugin(found.id()) != null || states.find(found.id()).isEmpty()) {
            // Its old jar is still there (an upgrade under way), or the installing node has not recorded it yet.
            waiting.put(jar, modified(jar));
            return false;
        }
        String id;
        try {
            id = manager.loadPlugin(jar);
        } catch (RuntimeException e) {
            waiting.put(jar, modified(jar));
            LOG.warning(() -> "Plugin jar " + jar.getFileName() + " cannot be loaded here yet: " + e.getMessage());
            return false;
        }
        PluginWrapper w = manager.getPlugin(id);
        if (w == null || w.getPluginState() == PluginState.DISABLED || w.getPluginState() == PluginState.FAILED) {
            if (w != null) {
                manager.unloadPlugin(id);
            }
            waiting.put(jar, modified(jar));
            LOG.warning(() -> "Plugin jar " + jar.getFileName() + " was refused by the plugin manager here");
            return false;
        }
        registry.trackLoader(w.getPluginClassLoader());
        registry.accepted(jar.getFileName().toString());
        registry.forgetStartFailure(id);
        failures.reset(id);
        Optional<String> failed = launcher.restartIfEnabled(id);
        LOG.info(() -> "Plugin " + id + " " + found.version() + ": installed by another node, loaded here"
                + failed.map(why -> "; it could not start: " + why).orElse(""));
        return true;
    }

    /** Starts what was enabled elsewhere, stops what was disabled elsewhere, and drops the cached switches. */
    private void syncSwitches(List<PluginStates.Seen> records) {
        boolean changed = records.size() != seen.size();
        Set<String> present = new HashSet<>();
        for (PluginStates.Seen now : records) {
            present.add(now.pluginId());
            PluginStates.Seen before = seen.put(now.pluginId(), now);
            if (now.equals(before)) {
                continue;
            }
            changed = true;
            String id = now.pluginId();
            if (changedHere.remove(id) || registry.manager().getPlugin(id) == null) {
                continue;
            }
            boolean wasEnabled = before != null && before.enabled();
            if (now.enabled() && !wasEnabled && !registry.isRunning(id)) {
                failures.reset(id);
                Optional<String> failed = launcher.start(id);
                LOG.info(() -> "Plugin " + id + ": enabled by another node, "
                        + failed.map(why -> "but it could not start here: " + why).orElse("started here"));
            } else if (!now.enabled() && registry.isRunning(id)) {
                List<String> dependents = launcher.stopWithDependents(id);
                registry.forgetStartFailure(id);
                LOG.info(() -> "Plugin " + id + ": disabled by another node, stopped here"
                        + (dependents.isEmpty() ? "" : " with " + String.join(", ", dependents)));
            }
        }
        seen.keySet().retainAll(present);
        changedHere.retainAll(present);
        if (changed) {
            switches.forgetAll();
        }
    }
}
