package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.SettingsValidation;
import org.creativecities.plugin.api.hook.EventListener;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomKinds;
import org.pf4j.PluginDependency;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Starts and stops one loaded plugin's code: PF4J's start, the module's {@code info()}, {@code start} and
 * contributions, each through the {@link PluginSupervisor}, and publishes the result in the
 * {@link PluginRegistry} with the contributions wrapped once in a {@link SupervisedPlugin}. Callers hold the
 * registry's lifecycle lock.
 */
@ApplicationScoped
class PluginLauncher {

    private static final Logger LOG = Logger.getLogger(PluginLauncher.class.getName());

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginHostConfig config;

    @Inject
    private PluginSupervisor supervisor;

    @Inject
    private PluginFailures failures;

    @Inject
    private PluginStates states;

    @Inject
    private PluginContextServices services;

    @Inject
    private PluginTimerService timers;

    @Inject
    private PluginRoomServices roomServices;

    /**
     * Starts the plugin if it is enabled, else only describes it.
     *
     * @return why it failed to start, as {@link #start} says; empty if it runs or was not to be started
     */
    Optional<String> restartIfEnabled(String pluginId) {
        if (states.findOrCreate(pluginId).isEnabled()) {
            return start(pluginId);
        }
        describeWithoutStarting(pluginId);
        return Optional.empty();
    }

    /**
     * Starts a loaded plugin; a failure is recorded and leaves it stopped. A plugin whose required dependencies are
     * not running does not start.
     *
     * @return empty if it runs now, else why it failed, in words for administrators (no Java class names)
     */
    Optional<String> start(String pluginId) {
        HostPluginManager manager = registry.manager();
        PluginWrapper w = manager.getPlugin(pluginId);
        ClassLoader loader = w.getPluginClassLoader();
        String version = w.getDescriptor().getVersion();
        Duration limit = config.startTimeout();
        CommonsModule module = null;
        boolean moduleStarted = false;
        Jsonb jsonb = null;
        try {
            List<String> notRunning = w.getDescriptor().getDependencies().stream()
                    .filter(d -> !d.isOptional() && !registry.isRunning(d.getPluginId()))
                    .map(PluginDependency::getPluginId).toList();
            if (!notRunning.isEmpty()) {
                throw new IllegalStateException("the plugins it needs are not running (" + String.join(", ", notRunning)
                        + "); start them first");
            }
            supervisor.call(pluginId, loader, "start (PF4J)", limit, () -> manager.startPlugin(pluginId));
            if (w.getPluginState() != PluginState.STARTED) {
                Throwable cause = w.getFailedException();
                throw new IllegalStateException("PF4J could not start it ("
                        + (cause == null || cause.getMessage() == null ? w.getPluginState() : cause.getMessage()) + ")");
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
            List<String> kindProblems = PluginWorkKinds.problems(pluginId, info, w.getPluginPath());
            if (!kindProblems.isEmpty()) {
                throw new IllegalStateException("its work kinds are invalid: " + String.join("; ", kindProblems));
            }
            registry.describe(pluginId, info);
            jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
            CoreModuleContext context = new CoreModuleContext(pluginId, version, info, services, jsonb);
            supervisor.call(pluginId, loader, "start", limit, () -> {
                m.start(context);
                return null;
            });
            module = m;
            moduleStarted = true;
            record Contributions(Optional<HttpHandler> http, Optional<JoinHook> joinHook,
                                 Optional<MessageHook> messageHook, Optional<EventListener> events) {
            }
            Contributions c = supervisor.call(pluginId, loader, "contributions", limit, () -> new Contributions(
                    m.http(), m.joinHook(), m.messageHook(), m.events()));
            requireDeclared(pluginId, info, c.http().isPresent(), Permission.HTTP_ROUTES);
            requireDeclared(pluginId, info, c.joinHook().isPresent() || c.messageHook().isPresent(),
                    Permission.HOOKS);
            requireDeclared(pluginId, info, c.events().isPresent(), Permission.EVENTS);
            Map<String, RoomKind> kinds = roomKinds(pluginId, loader, limit, m, info);
            RoomService rooms = roomServices.forPlugin(pluginId, info, kinds.keySet());
            supervisor.call(pluginId, loader, "room kinds attached", limit, () -> {
                kinds.values().forEach(k -> k.attached(rooms));
                return null;
            });
            registry.started(new PluginRuntime(pluginId, version, w.getPluginPath(), loader, m, info, jsonb,
                    new SupervisedPlugin(supervisor, config, pluginId, loader, c.http(), c.joinHook(),
                            c.messageHook(), c.events(), kinds, rooms)));
            timers.started(pluginId);
            LOG.info(() -> "Started plugin " + pluginId + " " + version);
            return Optional.empty();
        } catch (PluginCallException | IllegalStateException | PluginPermissionException e) {
            String message = e instanceof PluginCallException ? e.getMessage() : "start: " + e.getMessage();
            String reason = e instanceof PluginCallException call ? call.reason() : message;
            if (!(e instanceof PluginCallException)) {
                failures.record(pluginId, message, e);
            }
            timers.stopped(pluginId);
            registry.startFailed(pluginId, message);
            if (moduleStarted) {
                CommonsModule m = module;
                stopQuietly(pluginId, loader, () -> m.stop());
            }
            stopQuietly(pluginId, loader, () -> manager.stopPlugin(pluginId));
            if (jsonb != null) {
                closeQuietly(jsonb);
            }
            LOG.warning(() -> "Plugin " + pluginId + " failed to start: " + message);
            return Optional.of(reason);
        }
    }

    /**
     * The plugin's room kinds by id, read once through the supervisor and checked with
     * {@link RoomKinds#check}; a problem fails the start.
     */
    private Map<String, RoomKind> roomKinds(String pluginId, ClassLoader loader, Duration limit, CommonsModule m,
                                            ModuleInfo info) {
        record Read(List<RoomKind> kinds, List<String> problems, List<String> ids) {
        }
        Read read = supervisor.call(pluginId, loader, "room kinds", limit, () -> {
            List<RoomKind> kinds = m.roomKinds() == null ? List.of() : List.copyOf(m.roomKinds());
            return new Read(kinds, RoomKinds.check(info, kinds), kinds.stream().map(RoomKind::id).toList());
        });
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("its room kinds are invalid: " + String.join("; ", read.problems()));
        }
        Map<String, RoomKind> byId = new LinkedHashMap<>();
        for (int i = 0; i < read.kinds().size(); i++) {
            byId.put(read.ids().get(i), read.kinds().get(i));
        }
        return Map.copyOf(byId);
    }

    /**
     * Checks a plugin's description before it starts: its settings schema, its message bundles (complete, for a
     * plugin built for API 1.3 or later), and that every UI module it declares
     * (its general module, its page, its room kinds' elements) is a file in the jar's {@code ui/} folder.
     */
    private static void checkInfo(ModuleInfo info, Path jar) {
        List<String> problems = new ArrayList<>(SettingsValidation.checkSchema(info.settings()));
        problems.addAll(PluginMessageBundles.startProblems(info, jar));
        info.uiModule().filter(p -> !p.startsWith("ui/") || p.contains(".."))
                .ifPresent(p -> problems.add("uiModule '" + p + "' must be a path inside the jar's ui/ folder"));
        List<String> declared = new ArrayList<>();
        info.uiModule().filter(p -> p.startsWith("ui/") && !p.contains("..")).ifPresent(declared::add);
        info.uiModules().forEach(u -> declared.add(u.module()));
        if (!declared.isEmpty()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (String path : declared) {
                    JarEntry entry = file.getJarEntry(path);
                    if (entry == null || entry.isDirectory()) {
                        problems.add("UI module '" + path + "' is not in the jar");
                    }
                }
            } catch (IOException e) {
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
    void describeWithoutStarting(String pluginId) {
        PluginWrapper w = registry.manager().getPlugin(pluginId);
        if (states.find(pluginId).flatMap(PluginRecord::infoJson).isPresent()) {
            return;
        }
        try {
            String moduleClass = registry.inspector().inspect(w.getPluginPath()).moduleClass();
            ModuleInfo info = supervisor.call(pluginId, w.getPluginClassLoader(), "info", config.startTimeout(), () ->
                    ((CommonsModule) w.getPluginClassLoader().loadClass(moduleClass).getDeclaredConstructor()
                            .newInstance()).info());
            registry.describe(pluginId, info);
        } catch (PluginCallException | ProblemException e) {
            LOG.log(Level.WARNING, "Cannot describe plugin " + pluginId + ": " + e.getMessage());
        }
    }

    /**
     * Stops the running plugins that need this one, directly or through others (each before what it needs), then
     * this one: nothing runs without a plugin it depends on. PF4J's own stop also stops the dependents' PF4J state.
     *
     * @return the dependents it stopped, in the order it stopped them
     */
    List<String> stopWithDependents(String pluginId) {
        List<String> stopped = new ArrayList<>();
        for (String dependent : registry.manager().dependentsOf(pluginId)) {
            if (registry.isRunning(dependent)) {
                stop(dependent);
                stopped.add(dependent);
            }
        }
        stop(pluginId);
        return List.copyOf(stopped);
    }

    /**
     * Stops a running plugin: its timers are cancelled and contributions disappear first, then stop() is called,
     * then in-flight calls end.
     */
    void stop(String pluginId) {
        HostPluginManager manager = registry.manager();
        PluginWrapper w = manager.getPlugin(pluginId);
        timers.stopped(pluginId);
        registry.stopped(pluginId).ifPresent(rt -> {
            stopQuietly(pluginId, rt.loader(), () -> rt.module().stop());
            supervisor.cancelAll(pluginId);
            closeQuietly(rt.jsonb());
            LOG.info(() -> "Stopped plugin " + pluginId);
        });
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
}
