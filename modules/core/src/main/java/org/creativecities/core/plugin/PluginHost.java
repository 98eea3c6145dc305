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
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.plugin.PluginDtos.ModuleSnapshot;
import org.creativecities.core.plugin.PluginDtos.PluginView;
import org.creativecities.core.plugin.PluginDtos.RefusedJar;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginApi;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.SettingsValidation;
import org.creativecities.plugin.api.room.RoomKind;
import org.pf4j.PluginDependency;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugin host: one PF4J manager over {@code ccc.plugins.dir}, the running plugins, and their
 * lifecycle (install, upgrade, start, stop, enable, disable, uninstall). Every call into plugin code goes
 * through the {@link PluginSupervisor}. Lifecycle changes are serialised; request handling reads the
 * running plugins without locking.
 *
 * <p>Nothing here caches plugin classes: a plugin's objects are reachable only from its
 * {@link PluginRuntime}, which is dropped on stop, and from PF4J until the plugin is unloaded.
 */
@ApplicationScoped
public class PluginHost {

    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    private static final String STAGING = ".staging";

    /**
     * Why a plugin is not running although it is enabled.
     *
     * @param message what happened
     */
    private record StartFailure(String message) {
    }

    @Inject
    private AppConfig appConfig;

    @Inject
    private PluginHostConfig config;

    @Inject
    private PluginSupervisor supervisor;

    @Inject
    private PluginStates states;

    @Inject
    private PluginContextServices services;

    @Inject
    private PluginDataStore data;

    @Inject
    private TimeSource time;

    @Inject
    private Event<AdminChange> audit;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService background;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private final Object lifecycle = new Object();
    private final Map<String, PluginRuntime> running = new ConcurrentHashMap<>();
    private final Map<String, StartFailure> startFailures = new ConcurrentHashMap<>();
    private final Map<String, String> refusedAtBoot = new ConcurrentHashMap<>();
    private final List<WeakReference<ClassLoader>> loaders = new CopyOnWriteArrayList<>();
    private final Jsonb snapshots = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private volatile HostPluginManager manager;
    private volatile Path pluginsDir;
    private volatile PluginJarInspector inspector;
    private volatile java.util.concurrent.ScheduledFuture<?> purging;

    void boot(@Observes @Priority(300) Bootstrap.Started started) {
        long t0 = System.nanoTime();
        synchronized (lifecycle) {
            pluginsDir = appConfig.pluginsDir().toAbsolutePath().normalize();
            try {
                Files.createDirectories(pluginsDir.resolve(STAGING));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the plugins folder " + pluginsDir, e);
            }
            manager = new HostPluginManager(pluginsDir);
            inspector = new PluginJarInspector(manager.getVersionManager(), PluginApi.VERSION,
                    appConfig.pluginMaxInflated());
            List<Path> jars = jars();
            for (Path jar : jars) {
                try {
                    inspector.inspect(jar);
                } catch (ProblemException e) {
                    refusedAtBoot.put(jar.getFileName().toString(), e.getMessage());
                }
            }
            manager.loadPlugins();
            for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
                String file = w.getPluginPath().getFileName().toString();
                if (refusedAtBoot.containsKey(file) || w.getPluginState() == PluginState.DISABLED
                        || w.getPluginState() == PluginState.FAILED) {
                    refusedAtBoot.putIfAbsent(file, "PF4J refused it: " + w.getFailedException());
                    manager.unloadPlugin(w.getPluginId());
                }
            }
            for (Path jar : jars) {
                String file = jar.getFileName().toString();
                boolean loaded = manager.getPlugins().stream().anyMatch(w -> w.getPluginPath().equals(jar));
                if (!loaded) {
                    refusedAtBoot.putIfAbsent(file, "Not loaded: a plugin it depends on is missing or has an "
                            + "incompatible version, or another jar has the same id.");
                }
            }
            refusedAtBoot.forEach((file, reason) -> LOG.warning(() -> "Plugin jar " + file + " refused: " + reason));
            for (PluginWrapper w : manager.getPlugins()) {
                loaders.add(new WeakReference<>(w.getPluginClassLoader()));
                if (states.findOrCreate(w.getPluginId()).isEnabled()) {
                    startRuntime(w.getPluginId());
                } else {
                    describeWithoutStarting(w.getPluginId());
                }
            }
        }
        purging = scheduler.scheduleWithFixedDelay(this::purgeExpired, 1, 1, TimeUnit.MINUTES);
        LOG.info(() -> String.format("Plugin host (API %s): %d loaded, %d started, %d refused, in %d ms",
                PluginApi.VERSION, manager.getPlugins().size(), running.size(), refusedAtBoot.size(),
                (System.nanoTime() - t0) / 1_000_000));
    }

    @PreDestroy
    void shutdown() {
        if (purging != null) {
            purging.cancel(false);
        }
        synchronized (lifecycle) {
            if (manager != null) {
                List.copyOf(running.keySet()).forEach(this::stopRuntime);
                manager.unloadPlugins();
            }
        }
        closeQuietly(snapshots);
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

    // ---- queries

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
        return states.find(pluginId).map(r -> r.isEnabled() && r.coversCity(citySlug)).orElse(false)
                && !supervisor.isSuspended(pluginId, citySlug);
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

    // ---- lifecycle

    /**
     * Installs an uploaded jar: stages it, inspects it, checks the id, the API range and the dependencies,
     * and only then moves it into the plugins folder and loads it. A refusal leaves nothing behind.
     *
     * @param staged the jar, as {@link #stage} received it; deleted afterwards
     * @param start  start it right away (else it is installed disabled, described but not started)
     */
    public PluginView install(Path staged, boolean start) {
        requireBooted();
        synchronized (lifecycle) {
            try {
                PluginJarInspector.Inspection found = inspector.inspect(staged);
                if (manager.getPlugin(found.id()) != null) {
                    throw ProblemException.conflict("Plugin already installed", "A plugin with id '" + found.id()
                            + "' is installed (version " + manager.getPlugin(found.id()).getDescriptor().getVersion()
                            + "); upgrade it instead.");
                }
                checkDependencies(found);
                Path target = pluginsDir.resolve(fileName(found));
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                load(target, found);
                refusedAtBoot.remove(target.getFileName().toString());
                states.findOrCreate(found.id());
                startFailures.remove(found.id());
                supervisor.reset(found.id());
                if (start) {
                    states.enable(found.id());
                    startRuntime(found.id());
                } else {
                    states.disable(found.id(), "Installed without starting: review it, then enable it.");
                    describeWithoutStarting(found.id());
                }
                LOG.info(() -> "Installed plugin " + found.id() + " " + found.version());
                PluginView installed = view(found.id());
                audit.fire(new AdminChange("plugin.install", "plugin " + found.id(), null,
                        found.version() + " " + installed.state()));
                return installed;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(staged);
            }
        }
    }

    /** Replaces an installed plugin by a newer version (or any version with {@code force}). */
    public PluginView upgrade(String pluginId, Path staged, boolean force) {
        requireBooted();
        synchronized (lifecycle) {
            PluginWrapper old = wrapper(pluginId);
            String oldVersion = old.getDescriptor().getVersion();
            Path backup = pluginsDir.resolve(STAGING).resolve(pluginId + "-" + UUID.randomUUID() + ".bak");
            try {
                PluginJarInspector.Inspection found = inspector.inspect(staged);
                if (!found.id().equals(pluginId)) {
                    throw PluginJarInspector.refusal(422, "Wrong plugin", "The jar is plugin '" + found.id()
                            + "', not '" + pluginId + "'.");
                }
                if (!force && manager.getVersionManager().compareVersions(found.version(), oldVersion) <= 0) {
                    throw ProblemException.conflict("Not an upgrade", "Version " + found.version()
                            + " is not newer than the installed " + oldVersion + "; add ?force=true to replace it.");
                }
                checkDependencies(found);
                Path oldPath = old.getPluginPath();
                stopRuntime(pluginId);
                manager.unloadPlugin(pluginId);
                Files.move(oldPath, backup, StandardCopyOption.ATOMIC_MOVE);
                Path target = pluginsDir.resolve(fileName(found));
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try {
                    load(target, found);
                } catch (RuntimeException e) {
                    Files.move(backup, oldPath, StandardCopyOption.ATOMIC_MOVE);
                    manager.loadPlugin(oldPath);
                    loaders.add(new WeakReference<>(manager.getPlugin(pluginId).getPluginClassLoader()));
                    restartIfEnabled(pluginId);
                    throw e;
                }
                startFailures.remove(pluginId);
                supervisor.reset(pluginId);
                restartIfEnabled(pluginId);
                LOG.info(() -> "Upgraded plugin " + pluginId + " from " + oldVersion + " to " + found.version());
                audit.fire(new AdminChange("plugin.upgrade", "plugin " + pluginId, oldVersion, found.version()));
                return view(pluginId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(staged);
                deleteQuietly(backup);
            }
        }
    }

    private void restartIfEnabled(String pluginId) {
        if (states.findOrCreate(pluginId).isEnabled()) {
            startRuntime(pluginId);
        } else {
            describeWithoutStarting(pluginId);
        }
    }

    public PluginView start(String pluginId) {
        requireBooted();
        synchronized (lifecycle) {
            wrapper(pluginId);
            if (!states.findOrCreate(pluginId).isEnabled()) {
                throw ProblemException.conflict("Plugin disabled", "Plugin '" + pluginId
                        + "' is disabled; enable it to start it.");
            }
            String before = view(pluginId).state();
            if (!running.containsKey(pluginId)) {
                supervisor.reset(pluginId);
                startRuntime(pluginId);
            }
            return audited("plugin.start", pluginId, before);
        }
    }

    /** Stops a plugin until it is started again or the server restarts (it stays enabled). */
    public PluginView stop(String pluginId) {
        requireBooted();
        synchronized (lifecycle) {
            wrapper(pluginId);
            String before = view(pluginId).state();
            stopRuntime(pluginId);
            startFailures.remove(pluginId);
            return audited("plugin.stop", pluginId, before);
        }
    }

    public PluginView enable(String pluginId) {
        requireBooted();
        synchronized (lifecycle) {
            wrapper(pluginId);
            String before = view(pluginId).state();
            states.enable(pluginId);
            supervisor.reset(pluginId);
            if (!running.containsKey(pluginId)) {
                startRuntime(pluginId);
            }
            return audited("plugin.enable", pluginId, before);
        }
    }

    public PluginView disable(String pluginId, String reason) {
        requireBooted();
        synchronized (lifecycle) {
            wrapper(pluginId);
            String before = view(pluginId).state();
            stopRuntime(pluginId);
            startFailures.remove(pluginId);
            states.disable(pluginId, reason);
            return audited("plugin.disable", pluginId, before);
        }
    }

    /** Removes the jar; the stored data and settings stay unless {@code purge}. */
    public void uninstall(String pluginId, boolean purge) {
        requireBooted();
        synchronized (lifecycle) {
            PluginWrapper w = wrapper(pluginId);
            String version = w.getDescriptor().getVersion();
            List<String> dependents = manager.getPlugins().stream()
                    .filter(o -> o.getDescriptor().getDependencies().stream()
                            .anyMatch(d -> d.getPluginId().equals(pluginId) && !d.isOptional()))
                    .map(PluginWrapper::getPluginId).toList();
            if (!dependents.isEmpty()) {
                throw ProblemException.conflict("Plugin in use", "Plugins " + dependents + " depend on '" + pluginId
                        + "'; uninstall them first.");
            }
            Path jar = w.getPluginPath();
            stopRuntime(pluginId);
            manager.unloadPlugin(pluginId);
            try {
                Files.deleteIfExists(jar);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + jar, e);
            }
            startFailures.remove(pluginId);
            supervisor.reset(pluginId);
            if (purge) {
                states.purge(pluginId);
            }
            LOG.info(() -> "Uninstalled plugin " + pluginId + (purge ? " and purged its data" : ""));
            audit.fire(new AdminChange("plugin.uninstall", "plugin " + pluginId, version,
                    purge ? "removed with its data" : "removed; data kept"));
        }
    }

    /** Switches a plugin on for the whole network or for the given cities only. */
    public PluginView place(String pluginId, boolean networkWide, Set<String> cities) {
        requireBooted();
        synchronized (lifecycle) {
            wrapper(pluginId);
            String before = placement(states.findOrCreate(pluginId));
            PluginRecord after = states.placeIn(pluginId, networkWide, cities);
            audit.fire(new AdminChange("plugin.placement", "plugin " + pluginId, before, placement(after)));
            return view(pluginId);
        }
    }

    void onThreshold(@Observes PluginSupervisor.ThresholdReached reached) {
        background.execute(() -> autoDisable(reached.pluginId(), reached.reason()));
    }

    private void autoDisable(String pluginId, String reason) {
        synchronized (lifecycle) {
            if (manager.getPlugin(pluginId) == null || !states.findOrCreate(pluginId).isEnabled()) {
                return;
            }
            LOG.warning(() -> "Disabling plugin " + pluginId + " automatically: " + reason);
            stopRuntime(pluginId);
            states.disable(pluginId, "Disabled automatically by the supervisor: " + reason);
            audit.fire(new AdminChange("plugin.auto-disable", "plugin " + pluginId, "STARTED", "DISABLED: " + reason));
        }
    }

    // ---- internals

    private void requireBooted() {
        if (manager == null) {
            throw new ProblemException(503, "/problems/starting", "Starting", "The plugin host is still starting.",
                    List.of(), Duration.ofSeconds(5));
        }
    }

    private PluginWrapper wrapper(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        if (w == null) {
            throw ProblemException.notFound("Plugin", pluginId);
        }
        return w;
    }

    private List<Path> jars() {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(pluginsDir, "*.jar")) {
            dir.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pluginsDir, e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /**
     * Streams an uploaded jar into the staging folder, outside the lifecycle lock and never into the heap, refusing
     * it with 413 once it passes {@code ccc.plugins.max-upload}; {@link #install} or {@link #upgrade} then take it.
     */
    public Path stage(InputStream body) {
        requireBooted();
        Path staged = pluginsDir.resolve(STAGING).resolve("upload-" + UUID.randomUUID() + ".jar");
        long size;
        try {
            size = PluginUploads.copy(body, staged, appConfig.pluginUploadMax());
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new UncheckedIOException("Cannot stage the upload", e);
        } catch (RuntimeException e) {
            deleteQuietly(staged);
            throw e;
        }
        if (size == 0) {
            deleteQuietly(staged);
            throw PluginJarInspector.refusal(400, "Not a plugin jar", "The request has no body; send the jar as "
                    + "application/octet-stream.");
        }
        return staged;
    }

    private static String fileName(PluginJarInspector.Inspection found) {
        return found.id() + "-" + found.version() + ".jar";
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete " + path, e);
        }
    }

    private void checkDependencies(PluginJarInspector.Inspection found) {
        for (PluginDependency d : found.dependencies()) {
            if (d.isOptional()) {
                continue;
            }
            PluginWrapper dep = manager.getPlugin(d.getPluginId());
            if (dep == null) {
                throw PluginJarInspector.refusal(422, "Missing dependency", "Plugin '" + found.id() + "' needs plugin '"
                        + d.getPluginId() + "' (" + d.getPluginVersionSupport() + "), which is not installed.");
            }
            String range = d.getPluginVersionSupport();
            if (!"*".equals(range) && !manager.getVersionManager()
                    .checkVersionConstraint(dep.getDescriptor().getVersion(), range)) {
                throw PluginJarInspector.refusal(422, "Incompatible dependency", "Plugin '" + found.id()
                        + "' needs plugin '" + d.getPluginId() + "' " + range + ", but "
                        + dep.getDescriptor().getVersion() + " is installed.");
            }
        }
    }

    /** Loads a jar already moved into the plugins folder; on failure removes it again. */
    private void load(Path target, PluginJarInspector.Inspection found) {
        String id;
        try {
            id = manager.loadPlugin(target);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw PluginJarInspector.refusal(422, "Plugin cannot be loaded", "Plugin '" + found.id()
                    + "' could not be loaded: " + e.getMessage());
        }
        PluginWrapper w = manager.getPlugin(id);
        if (w == null || w.getPluginState() == PluginState.DISABLED || w.getPluginState() == PluginState.FAILED) {
            if (w != null) {
                manager.unloadPlugin(id);
            }
            deleteQuietly(target);
            throw PluginJarInspector.refusal(422, "Plugin cannot be loaded", "Plugin '" + found.id()
                    + "' was refused by the plugin manager (dependencies or API range).");
        }
        loaders.add(new WeakReference<>(w.getPluginClassLoader()));
    }

    /** Starts a loaded plugin; a failure is recorded and leaves it stopped. */
    private boolean startRuntime(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        ClassLoader loader = w.getPluginClassLoader();
        String version = w.getDescriptor().getVersion();
        Duration limit = config.startTimeout();
        CommonsModule module = null;
        boolean moduleStarted = false;
        Jsonb jsonb = null;
        try {
            supervisor.call(pluginId, loader, "start (PF4J)", limit, () -> manager.startPlugin(pluginId));
            if (w.getPluginState() != PluginState.STARTED) {
                Throwable cause = w.getFailedException();
                throw new IllegalStateException("PF4J could not start it: " + (cause == null ? w.getPluginState()
                        : cause.getClass().getName() + ": " + cause.getMessage()));
            }
            List<CommonsModule> modules = supervisor.call(pluginId, loader, "create module", limit,
                    () -> manager.getExtensions(CommonsModule.class, pluginId));
            if (modules.size() != 1) {
                throw new IllegalStateException("it must have exactly one CommonsModule extension, it has "
                        + modules.size());
            }
            CommonsModule m = modules.get(0);
            ModuleInfo info = supervisor.call(pluginId, loader, "info", limit, m::info);
            checkInfo(info, w.getPluginPath());
            states.describe(pluginId, snapshots.toJson(ModuleSnapshot.of(info)));
            jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
            CoreModuleContext context = new CoreModuleContext(pluginId, version, info, services, jsonb);
            supervisor.call(pluginId, loader, "start", limit, () -> {
                m.start(context);
                return null;
            });
            module = m;
            moduleStarted = true;
            PluginRuntime rt = supervisor.call(pluginId, loader, "contributions", limit, () -> new PluginRuntime(
                    pluginId, version, w.getPluginPath(), loader, m, info, null, m.http(), m.joinHook(),
                    m.messageHook(), m.events(), Map.of()));
            requireDeclared(pluginId, info, rt.http().isPresent(), Permission.HTTP_ROUTES);
            requireDeclared(pluginId, info, rt.joinHook().isPresent() || rt.messageHook().isPresent(),
                    Permission.HOOKS);
            requireDeclared(pluginId, info, rt.events().isPresent(), Permission.EVENTS);
            Map<String, RoomKind> kinds = roomKinds(pluginId, loader, limit, m, info);
            running.put(pluginId, new PluginRuntime(pluginId, version, rt.jar(), loader, m, info, jsonb, rt.http(),
                    rt.joinHook(), rt.messageHook(), rt.events(), kinds));
            startFailures.remove(pluginId);
            LOG.info(() -> "Started plugin " + pluginId + " " + version);
            return true;
        } catch (PluginCallException | IllegalStateException | PluginPermissionException e) {
            String message = e instanceof PluginCallException ? e.getMessage() : "start: " + e.getMessage();
            if (!(e instanceof PluginCallException)) {
                supervisor.record(pluginId, message, e);
            }
            startFailures.put(pluginId, new StartFailure(message));
            if (moduleStarted) {
                CommonsModule m = module;
                stopQuietly(pluginId, loader, () -> m.stop());
            }
            stopQuietly(pluginId, loader, () -> manager.stopPlugin(pluginId));
            if (jsonb != null) {
                closeQuietly(jsonb);
            }
            LOG.warning(() -> "Plugin " + pluginId + " failed to start: " + message);
            return false;
        }
    }

    /**
     * The plugin's room kinds by id, read once through the supervisor and checked with
     * {@link org.creativecities.plugin.api.room.RoomKinds#check}; a problem fails the start.
     */
    private Map<String, RoomKind> roomKinds(String pluginId, ClassLoader loader, Duration limit, CommonsModule m,
                                            ModuleInfo info) {
        record Read(List<RoomKind> kinds, List<String> problems, List<String> ids) {
        }
        Read read = supervisor.call(pluginId, loader, "room kinds", limit, () -> {
            List<RoomKind> kinds = m.roomKinds() == null ? List.of() : List.copyOf(m.roomKinds());
            return new Read(kinds, org.creativecities.plugin.api.room.RoomKinds.check(info, kinds),
                    kinds.stream().map(RoomKind::id).toList());
        });
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("its room kinds are invalid: " + String.join("; ", read.problems()));
        }
        Map<String, RoomKind> byId = new java.util.LinkedHashMap<>();
        for (int i = 0; i < read.kinds().size(); i++) {
            byId.put(read.ids().get(i), read.kinds().get(i));
        }
        return Map.copyOf(byId);
    }

    /**
     * Checks a plugin's description before it starts: its settings schema, and that every UI module it declares
     * (its general module, its page, its room kinds' elements) is a file in the jar's {@code ui/} folder.
     */
    private static void checkInfo(ModuleInfo info, Path jar) {
        List<String> problems = new ArrayList<>(SettingsValidation.checkSchema(info.settings()));
        info.uiModule().filter(p -> !p.startsWith("ui/") || p.contains(".."))
                .ifPresent(p -> problems.add("uiModule '" + p + "' must be a path inside the jar's ui/ folder"));
        List<String> declared = new ArrayList<>();
        info.uiModule().filter(p -> p.startsWith("ui/") && !p.contains("..")).ifPresent(declared::add);
        info.uiModules().forEach(u -> declared.add(u.module()));
        if (!declared.isEmpty()) {
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                for (String path : declared) {
                    java.util.jar.JarEntry entry = file.getJarEntry(path);
                    if (entry == null || entry.isDirectory()) {
                        problems.add("UI module '" + path + "' is not in the jar");
                    }
                }
            } catch (java.io.IOException e) {
                problems.add("its jar cannot be read for its UI modules: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("its module description is invalid: " + String.join("; ", problems));
        }
    }

    private static void requireDeclared(String pluginId, ModuleInfo info, boolean used, Permission permission) {
        if (used && !info.declares(permission)) {
            throw new PluginPermissionException(pluginId, permission);
        }
    }

    /** Reads a stopped plugin's description (info() only, no start) so administrators can review it. */
    private void describeWithoutStarting(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        if (states.find(pluginId).flatMap(PluginRecord::infoJson).isPresent()) {
            return;
        }
        try {
            String moduleClass = inspector.inspect(w.getPluginPath()).moduleClass();
            ModuleInfo info = supervisor.call(pluginId, w.getPluginClassLoader(), "info", config.startTimeout(), () ->
                    ((CommonsModule) w.getPluginClassLoader().loadClass(moduleClass).getDeclaredConstructor()
                            .newInstance()).info());
            states.describe(pluginId, snapshots.toJson(ModuleSnapshot.of(info)));
        } catch (PluginCallException | ProblemException e) {
            LOG.log(Level.WARNING, "Cannot describe plugin " + pluginId + ": " + e.getMessage());
        }
    }

    /** Stops a running plugin: contributions disappear first, then stop() is called, then in-flight calls end. */
    private void stopRuntime(String pluginId) {
        PluginRuntime rt = running.remove(pluginId);
        PluginWrapper w = manager.getPlugin(pluginId);
        if (rt != null) {
            stopQuietly(pluginId, rt.loader(), () -> rt.module().stop());
            supervisor.cancelAll(pluginId);
            closeQuietly(rt.jsonb());
            LOG.info(() -> "Stopped plugin " + pluginId);
        }
        if (w != null && w.getPluginState() == PluginState.STARTED) {
            stopQuietly(pluginId, w.getPluginClassLoader(), () -> manager.stopPlugin(pluginId));
        }
    }

    private void stopQuietly(String pluginId, ClassLoader loader, Runnable stop) {
        try {
            supervisor.call(pluginId, loader, "stop", config.startTimeout(), () -> {
                stop.run();
                return null;
            });
        } catch (PluginCallException e) {
            LOG.log(Level.FINE, "Stopping plugin " + pluginId + " failed (recorded)", e);
        }
    }

    private static void closeQuietly(Jsonb jsonb) {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing a plugin's JSON-B failed", e);
        }
    }

    /** The view after a lifecycle change, recorded in the audit log with the state before and after. */
    private PluginView audited(String action, String pluginId, String stateBefore) {
        PluginView after = view(pluginId);
        audit.fire(new AdminChange(action, "plugin " + pluginId, stateBefore, after.state()));
        return after;
    }

    private static String placement(PluginRecord r) {
        return r.isNetworkWide() ? "network-wide" : String.join(",", r.cities().stream().sorted().toList());
    }

    private PluginView view(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        PluginRecord r = states.findOrCreate(pluginId);
        PluginSupervisor.Health h = supervisor.health(pluginId);
        String state;
        String health;
        if (!r.isEnabled()) {
            state = "DISABLED";
            health = "disabled";
        } else if (running.containsKey(pluginId)) {
            state = "STARTED";
            health = h.recentFailures() > 0 ? "degraded" : "ok";
        } else if (startFailures.containsKey(pluginId)) {
            state = "FAILED";
            health = "failed";
        } else {
            state = "STOPPED";
            health = h.recentFailures() > 0 ? "degraded" : "ok";
        }
        List<String> deps = w.getDescriptor().getDependencies().stream()
                .map(d -> d.getPluginId() + "@" + d.getPluginVersionSupport() + (d.isOptional() ? "?" : "")).toList();
        return new PluginView(pluginId, w.getDescriptor().getVersion(), w.getDescriptor().getPluginDescription(),
                w.getDescriptor().getProvider(), w.getDescriptor().getRequires(), PluginApi.VERSION, deps, state, health,
                h.recentFailures(), h.lastError().orElse(null), h.lastErrorAt().orElse(null),
                r.disabledReason().orElse(null), r.disabledAt().orElse(null), r.isNetworkWide(),
                r.cities().stream().sorted().toList(), h.suspendedIn(), snapshot(pluginId).orElse(null));
    }
}
