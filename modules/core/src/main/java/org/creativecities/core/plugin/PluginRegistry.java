package org.creativecities.core.plugin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.plugin.PluginDtos.ModuleSnapshot;
import org.creativecities.core.plugin.PluginDtos.PluginView;
import org.creativecities.core.plugin.PluginDtos.RefusedJar;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.PluginApi;
import org.pf4j.PluginWrapper;

/**
 * What is installed and what runs: the PF4J manager over {@code ccc.plugins.dir}, the running plugins, the
 * failed starts and the jars refused at start-up, as the rest of the core reads them. Reads never lock; the
 * {@link PluginInstaller}, {@link PluginActivator} and {@link PluginLauncher} change it only while holding
 * {@link #lifecycle()}, so lifecycle changes are serialised.
 *
 * <p>Nothing here caches plugin classes: a plugin's objects are reachable only from its {@link PluginRuntime},
 * which is dropped on stop, and from PF4J until the plugin is unloaded.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    @Inject
    private PluginStates states;

    @Inject
    private PluginSwitches switches;

    @Inject
    private PluginFailures failures;

    private final Object lifecycle = new Object();
    private final Map<String, PluginRuntime> running = new ConcurrentHashMap<>();
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    private final Map<String, String> refusedAtBoot = new ConcurrentHashMap<>();
    private final List<WeakReference<ClassLoader>> loaders = new CopyOnWriteArrayList<>();
    private final Jsonb snapshots = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private volatile HostPluginManager manager;
    private volatile Path pluginsDir;
    private volatile PluginJarInspector inspector;

    @PreDestroy
    void close() {
        try {
            snapshots.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing the plugin snapshots' JSON-B failed", e);
        }
    }

    // ---- reads

    /** The plugin if it runs now. */
    public Optional<PluginRuntime> running(String pluginId) {
        return Optional.ofNullable(running.get(pluginId));
    }

    /** Every running plugin. */
    public List<PluginRuntime> runningPlugins() {
        return List.copyOf(running.values());
    }

    /** Whether a running plugin is switched on in a city. */
    public boolean coversCity(String pluginId, String citySlug) {
        return switches.of(pluginId).coversCity(citySlug) && !failures.isSuspended(pluginId, citySlug);
    }

    public List<PluginView> list() {
        requireBooted();
        return manager.getPlugins().stream().map(PluginWrapper::getPluginId).sorted().map(this::view).toList();
    }

    public List<RefusedJar> refused() {
        return new TreeMap<>(refusedAtBoot).entrySet().stream().map(e -> new RefusedJar(e.getKey(), e.getValue()))
                .toList();
    }

    public PluginView get(String pluginId) {
        requireBooted();
        wrapper(pluginId);
        return view(pluginId);
    }

    /** The settings schema the plugin declared when it last started or was inspected. */
    public Optional<ModuleSnapshot> snapshot(String pluginId) {
        return states.find(pluginId).flatMap(PluginRecord::infoJson)
                .map(json -> snapshots.fromJson(json, ModuleSnapshot.class));
    }

    /** The jar of an installed plugin (running or not), if the host has loaded it. */
    public Optional<Path> installedJar(String pluginId) {
        HostPluginManager m = manager;
        return Optional.ofNullable(m).map(pm -> pm.getPlugin(pluginId)).map(PluginWrapper::getPluginPath);
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    public int loadedPlugins() {
        return manager == null ? 0 : manager.getPlugins().size();
    }

    /** Class loaders of plugins loaded now or before that the garbage collector has not reclaimed yet. */
    public int classLoadersAlive() {
        loaders.removeIf(ref -> ref.get() == null);
        return loaders.size();
    }

    // ---- for the installer, the activator and the launcher, under the lifecycle lock

    /** The lock every lifecycle change holds. */
    Object lifecycle() {
        return lifecycle;
    }

    /** Takes over the PF4J manager created at start-up. */
    void open(HostPluginManager pluginManager, Path dir, PluginJarInspector jarInspector) {
        pluginsDir = dir;
        manager = pluginManager;
        inspector = jarInspector;
    }

    HostPluginManager manager() {
        return manager;
    }

    PluginJarInspector inspector() {
        return inspector;
    }

    /** Refuses with 503 until start-up has created the PF4J manager. */
    void requireBooted() {
        if (manager == null) {
            throw new ProblemException(503, "/problems/starting", "Starting", "The plugin host is still starting.",
                    List.of(), Duration.ofSeconds(5));
        }
    }

    /** The installed plugin, or 404. */
    PluginWrapper wrapper(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        if (w == null) {
            throw ProblemException.notFound("Plugin", pluginId);
        }
        return w;
    }

    boolean isRunning(String pluginId) {
        return running.containsKey(pluginId);
    }

    void started(PluginRuntime runtime) {
        running.put(runtime.pluginId(), runtime);
        startFailures.remove(runtime.pluginId());
    }

    /** Drops the running plugin's contributions; the caller then stops its code. */
    Optional<PluginRuntime> stopped(String pluginId) {
        return Optional.ofNullable(running.remove(pluginId));
    }

    void startFailed(String pluginId, String message) {
        startFailures.put(pluginId, message);
    }

    void forgetStartFailure(String pluginId) {
        startFailures.remove(pluginId);
    }

    void refusedAtBoot(Map<String, String> refusals) {
        refusedAtBoot.putAll(refusals);
    }

    /** A jar refused at start-up was replaced by an installed one. */
    void accepted(String file) {
        refusedAtBoot.remove(file);
    }

    int refusedCount() {
        return refusedAtBoot.size();
    }

    void trackLoader(ClassLoader loader) {
        loaders.add(new WeakReference<>(loader));
    }

    /** Stores what the plugin declared, for administrators and for its settings. */
    void describe(String pluginId, ModuleInfo info) {
        states.describe(pluginId, snapshots.toJson(ModuleSnapshot.of(pluginId, info)));
    }

    PluginStatus status(String pluginId) {
        return PluginStatus.of(states.findOrCreate(pluginId).isEnabled(), running.containsKey(pluginId),
                startFailures.containsKey(pluginId));
    }

    PluginView view(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        PluginRecord r = states.findOrCreate(pluginId);
        PluginFailures.Health h = failures.health(pluginId);
        PluginStatus status = PluginStatus.of(r.isEnabled(), running.containsKey(pluginId),
                startFailures.containsKey(pluginId));
        List<String> deps = w.getDescriptor().getDependencies().stream()
                .map(d -> d.getPluginId() + "@" + d.getPluginVersionSupport() + (d.isOptional() ? "?" : "")).toList();
        return new PluginView(pluginId, w.getDescriptor().getVersion(), w.getDescriptor().getPluginDescription(),
                w.getDescriptor().getProvider(), w.getDescriptor().getRequires(), PluginApi.VERSION, deps,
                status.name(), status.health(h.recentFailures()).wire(), h.recentFailures(), h.lastError().orElse(null),
                h.lastErrorAt().orElse(null), r.disabledReason().orElse(null), r.disabledAt().orElse(null),
                r.isNetworkWide(), r.cities().stream().sorted().toList(), h.suspendedIn(),
                snapshot(pluginId).orElse(null));
    }
}
