package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.plugin.api.PluginApi;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugins folder at start-up into a new PF4J manager, which it hands to the {@link PluginRegistry}:
 * every jar is inspected first, and the ones refused (by the inspection, by PF4J, or for a missing
 * dependency or a duplicate id) are recorded with the reason instead of loaded.
 */
@ApplicationScoped
class PluginBootLoader {

    private static final Logger LOG = Logger.getLogger(PluginBootLoader.class.getName());

    @Inject
    private AppConfig appConfig;

    @Inject
    private PluginRegistry registry;

    /**
     * Creates the PF4J manager over the plugins folder and loads every jar in it that passes inspection,
     * recording the others as refused. Called once at start-up, under the lifecycle lock.
     */
    void loadAll() {
        Path pluginsDir = appConfig.pluginsDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(pluginsDir.resolve(PluginInstaller.STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the plugins folder " + pluginsDir, e);
        }
        HostPluginManager manager = new HostPluginManager(pluginsDir);
        PluginJarInspector inspector = new PluginJarInspector(manager.getVersionManager(), PluginApi.VERSION,
                appConfig.pluginMaxInflated());
        registry.open(manager, pluginsDir, inspector);
        Map<String, String> refused = new HashMap<>();
        List<Path> jars = jars(pluginsDir);
        for (Path jar : jars) {
            try {
                inspector.inspect(jar);
            } catch (ProblemException e) {
                refused.put(jar.getFileName().toString(), e.getMessage());
            }
        }
        manager.loadPlugins();
        for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
            String file = w.getPluginPath().getFileName().toString();
            if (refused.containsKey(file) || w.getPluginState() == PluginState.DISABLED
                    || w.getPluginState() == PluginState.FAILED) {
                refused.putIfAbsent(file, "PF4J refused it: " + w.getFailedException());
                manager.unloadPlugin(w.getPluginId());
            }
        }
        for (Path jar : jars) {
            String file = jar.getFileName().toString();
            boolean loaded = manager.getPlugins().stream().anyMatch(w -> w.getPluginPath().equals(jar));
            if (!loaded) {
                refused.putIfAbsent(file, "Not loaded: a plugin it depends on is missing or has an "
                        + "incompatible version, or another jar has the same id.");
            }
        }
        registry.refusedAtBoot(refused);
        refused.forEach((file, reason) -> LOG.warning(() -> "Plugin jar " + file + " refused: " + reason));
        manager.getPlugins().forEach(w -> registry.trackLoader(w.getPluginClassLoader()));
    }

    private static List<Path> jars(Path pluginsDir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(pluginsDir, "*.jar")) {
            dir.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pluginsDir, e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }
}
