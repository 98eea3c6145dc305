package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.plugin.PluginDtos.PluginView;
import org.pf4j.PluginDependency;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Puts plugin jars in place and takes them away: stages and checks uploads (id, API range, dependencies)
 * before anything is moved into the plugins folder, installs, upgrades (with a roll-back to the old jar) and
 * uninstalls. The folder's jars are loaded at start-up by the {@link PluginBootLoader}; starting and stopping
 * the code is the {@link PluginLauncher}'s job.
 */
@ApplicationScoped
public class PluginInstaller {

    private static final Logger LOG = Logger.getLogger(PluginInstaller.class.getName());
    /** The folder inside the plugins folder where uploads wait to be checked. */
    static final String STAGING = ".staging";

    @Inject
    private AppConfig appConfig;

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginLauncher launcher;

    @Inject
    private PluginFailures failures;

    @Inject
    private PluginStates states;

    @Inject
    private Event<AdminChange> audit;

    /**
     * Streams an uploaded jar into the staging folder, outside the lifecycle lock and never into the heap, refusing
     * it with 413 once it passes {@code ccc.plugins.max-upload}; {@link #install} or {@link #upgrade} then take it.
     */
    public Path stage(InputStream body) {
        registry.requireBooted();
        Path staged = registry.pluginsDir().resolve(STAGING).resolve("upload-" + UUID.randomUUID() + ".jar");
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

    /**
     * Installs an uploaded jar: stages it, inspects it, checks the id, the API range and the dependencies,
     * and only then moves it into the plugins folder and loads it. A refusal leaves nothing behind.
     *
     * @param staged the jar, as {@link #stage} received it; deleted afterwards
     * @param start  start it right away (else it is installed disabled, described but not started)
     */
    public PluginView install(Path staged, boolean start) {
        registry.requireBooted();
        synchronized (registry.lifecycle()) {
            HostPluginManager manager = registry.manager();
            try {
                PluginJarInspector.Inspection found = registry.inspector().inspect(staged);
                if (manager.getPlugin(found.id()) != null) {
                    throw ProblemException.conflict("Plugin already installed", "A plugin with id '" + found.id()
                            + "' is installed (version " + manager.getPlugin(found.id()).getDescriptor().getVersion()
                            + "); upgrade it instead.");
                }
                checkDependencies(found);
                Path target = registry.pluginsDir().resolve(fileName(found));
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                load(target, found);
                registry.accepted(target.getFileName().toString());
                states.findOrCreate(found.id());
                registry.forgetStartFailure(found.id());
                failures.reset(found.id());
                if (start) {
                    states.enable(found.id());
                    launcher.start(found.id());
                } else {
                    states.disable(found.id(), "Installed without starting: review it, then enable it.");
                    launcher.describeWithoutStarting(found.id());
                }
                LOG.info(() -> "Installed plugin " + found.id() + " " + found.version());
                PluginView installed = registry.view(found.id());
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

    /**
     * Replaces an installed plugin by a newer version (or any version with {@code force}) and restarts it if it is
     * enabled. If the new version cannot be loaded, or is enabled and fails to start, the old jar is put back and
     * started again (its settings and stored data were never touched) and the upgrade is refused with 422.
     */
    public PluginView upgrade(String pluginId, Path staged, boolean force) {
        registry.requireBooted();
        synchronized (registry.lifecycle()) {
            HostPluginManager manager = registry.manager();
            PluginWrapper old = registry.wrapper(pluginId);
            String oldVersion = old.getDescriptor().getVersion();
            Path backup = registry.pluginsDir().resolve(STAGING).resolve(pluginId + "-" + UUID.randomUUID() + ".bak");
            try {
                PluginJarInspector.Inspection found = registry.inspector().inspect(staged);
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
                launcher.stop(pluginId);
                manager.unloadPlugin(pluginId);
                Files.move(oldPath, backup, StandardCopyOption.ATOMIC_MOVE);
                Path target = registry.pluginsDir().resolve(fileName(found));
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try {
                    load(target, found);
                } catch (RuntimeException e) {
                    reinstate(pluginId, backup, oldPath);
                    throw e;
                }
                registry.forgetStartFailure(pluginId);
                failures.reset(pluginId);
                Optional<String> failed = launcher.restartIfEnabled(pluginId);
                if (failed.isPresent()) {
                    manager.unloadPlugin(pluginId);
                    deleteQuietly(target);
                    Optional<String> oldFailed = reinstate(pluginId, backup, oldPath);
                    LOG.warning(() -> "Upgrade of plugin " + pluginId + " to " + found.version()
                            + " failed to start; rolled back to " + oldVersion);
                    audit.fire(new AdminChange("plugin.upgrade-rolled-back", "plugin " + pluginId, found.version(),
                            oldVersion));
                    throw PluginJarInspector.refusal(422, "Upgrade failed to start", "Version " + found.version()
                            + " of plugin '" + pluginId + "' could not start (" + failed.get() + "), so version "
                            + oldVersion + oldFailed.map(why -> " was put back, but it could not start either ("
                            + why + ").").orElse(" was put back and runs again.")
                            + " Its settings and stored data are unchanged.");
                }
                LOG.info(() -> "Upgraded plugin " + pluginId + " from " + oldVersion + " to " + found.version());
                audit.fire(new AdminChange("plugin.upgrade", "plugin " + pluginId, oldVersion, found.version()));
                return registry.view(pluginId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(staged);
                deleteQuietly(backup);
            }
        }
    }

    /** Removes the jar; the stored data and settings stay unless {@code purge}. */
    public void uninstall(String pluginId, boolean purge) {
        registry.requireBooted();
        synchronized (registry.lifecycle()) {
            HostPluginManager manager = registry.manager();
            PluginWrapper w = registry.wrapper(pluginId);
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
            launcher.stop(pluginId);
            manager.unloadPlugin(pluginId);
            try {
                Files.deleteIfExists(jar);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + jar, e);
            }
            registry.forgetStartFailure(pluginId);
            failures.reset(pluginId);
            if (purge) {
                states.purge(pluginId);
            }
            LOG.info(() -> "Uninstalled plugin " + pluginId + (purge ? " and purged its data" : ""));
            audit.fire(new AdminChange("plugin.uninstall", "plugin " + pluginId, version,
                    purge ? "removed with its data" : "removed; data kept"));
        }
    }

    /**
     * Puts the old jar back after a failed upgrade (the new one is unloaded and gone), loads it and starts it again
     * if it is enabled; returns why that start failed, if it did.
     */
    private Optional<String> reinstate(String pluginId, Path backup, Path oldPath) throws IOException {
        HostPluginManager manager = registry.manager();
        Files.move(backup, oldPath, StandardCopyOption.ATOMIC_MOVE);
        manager.loadPlugin(oldPath);
        registry.trackLoader(manager.getPlugin(pluginId).getPluginClassLoader());
        return launcher.restartIfEnabled(pluginId);
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
        HostPluginManager manager = registry.manager();
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
        HostPluginManager manager = registry.manager();
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
        registry.trackLoader(w.getPluginClassLoader());
    }
}
