package org.creativecities.plugin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.PluginApi;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * A plugin's built jar loaded the way the server loads it: copied into a plugins directory of its own and started by
 * a real PF4J {@link JarPluginManager} at the current plugin API version. For a plugin's loading test, run after
 * {@code package}:
 *
 * <pre>{@code
 * @TempDir Path plugins;
 *
 * @Test
 * void theBuiltJarLoads() {
 *     Path jar = PluginJarCheck.built("music", "target/ccc-plugin-music-1.0.0.jar");
 *     try (PluginJarCheck loaded = PluginJarCheck.start(jar, plugins)) {
 *         CommonsModule module = loaded.module();          // from the jar's own class loader
 *         loaded.hasFiles("ui/listening-room.js", "i18n/messages_en.properties");
 *         assertEquals(List.of("listening-room"), module.info().roomKinds().stream().map(d -> d.id()).toList());
 *     }                                                    // stopped and unloaded
 *     PluginJarCheck.assertRefusedBy("1.2.0", jar, plugins); // the API version before the one it requires
 * }
 * }</pre>
 *
 * <p>Each check fails with an {@link AssertionError} that says what is wrong, so it works with any test framework.
 * Closing stops and unloads the plugin and checks that it stopped.
 */
public final class PluginJarCheck implements AutoCloseable {

    private final PluginManager manager;
    private final String pluginId;
    private final Path jar;

    private PluginJarCheck(PluginManager manager, String pluginId, Path jar) {
        this.manager = manager;
        this.pluginId = pluginId;
        this.jar = jar;
    }

    /**
     * The plugin's jar as its build made it: the system property {@code <name>.plugin.jar} if set, else the default
     * path (relative to the module's directory).
     *
     * @throws AssertionError when there is no such file (the test did not run after {@code package})
     */
    public static Path built(String name, String defaultPath) {
        Path jar = Path.of(System.getProperty(name + ".plugin.jar", defaultPath));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("run after `package`: " + jar);
        }
        return jar;
    }

    /**
     * Loads and starts the jar at the current API version ({@link PluginApi#VERSION}), alone in a new directory under
     * {@code pluginsDir}.
     *
     * @throws AssertionError when the jar holds no plugin or its plugin did not start
     */
    public static PluginJarCheck start(Path jar, Path pluginsDir) {
        PluginManager manager = load(jar, pluginsDir, PluginApi.VERSION);
        PluginWrapper plugin = only(manager, jar);
        if (plugin.getPluginState() != PluginState.STARTED) {
            manager.unloadPlugins();
            throw new AssertionError("plugin " + plugin.getPluginId() + " of " + jar + " is "
                    + plugin.getPluginState() + ", not STARTED, at API " + PluginApi.VERSION);
        }
        return new PluginJarCheck(manager, plugin.getPluginId(), jar);
    }

    /**
     * Checks that a host of an older plugin API refuses to start the jar's plugin (it requires a later one).
     *
     * @param apiVersion the host's API version, e.g. the one before the version the plugin requires
     * @throws AssertionError when the plugin started all the same
     */
    public static void assertRefusedBy(String apiVersion, Path jar, Path pluginsDir) {
        PluginManager manager = load(jar, pluginsDir, apiVersion);
        try {
            PluginWrapper plugin = only(manager, jar);
            if (plugin.getPluginState() == PluginState.STARTED) {
                throw new AssertionError("plugin " + plugin.getPluginId() + " started at API " + apiVersion
                        + ", though it requires " + plugin.getDescriptor().getRequires());
            }
        } finally {
            manager.unloadPlugins();
        }
    }

    private static PluginManager load(Path jar, Path pluginsDir, String apiVersion) {
        try {
            Path dir = Files.createTempDirectory(pluginsDir, "api-" + apiVersion + "-");
            Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            PluginManager manager = new JarPluginManager(dir);
            manager.setSystemVersion(apiVersion);
            manager.loadPlugins();
            manager.startPlugins();
            return manager;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PluginWrapper only(PluginManager manager, Path jar) {
        List<PluginWrapper> plugins = manager.getPlugins();
        if (plugins.size() != 1) {
            manager.unloadPlugins();
            throw new AssertionError(jar + " loaded " + plugins.size() + " plugins, not one");
        }
        return plugins.get(0);
    }

    /** The PF4J manager that loaded the plugin, for further checks. */
    public PluginManager manager() {
        return manager;
    }

    /** The plugin's id, as its manifest names it. */
    public String pluginId() {
        return pluginId;
    }

    /** The plugin's version, as its manifest names it. */
    public String version() {
        return manager.getPlugin(pluginId).getDescriptor().getVersion();
    }

    /**
     * The plugin's one {@link CommonsModule}.
     *
     * @throws AssertionError when it has none or several, or when the module was not loaded by the plugin's own class
     *                        loader (the jar leaks onto the application's class path, or the module is not in it)
     */
    public CommonsModule module() {
        List<CommonsModule> modules = manager.getExtensions(CommonsModule.class, pluginId);
        if (modules.size() != 1) {
            throw new AssertionError("plugin " + pluginId + " has " + modules.size() + " modules, not one");
        }
        CommonsModule module = modules.get(0);
        if (module.getClass().getClassLoader() != manager.getPlugin(pluginId).getPluginClassLoader()) {
            throw new AssertionError("the module " + module.getClass().getName()
                    + " does not come from the plugin's own class loader");
        }
        return module;
    }

    /**
     * Checks that the jar itself holds each file (its UI modules, bundles, schemas): a file found only on the test's
     * class path does not count.
     *
     * @param paths paths inside the jar, e.g. {@code ui/room.js}
     * @return this check
     * @throws AssertionError naming the files that are missing
     */
    public PluginJarCheck hasFiles(String... paths) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> missing = List.of(paths).stream().filter(p -> file.getJarEntry(p) == null).toList();
            if (!missing.isEmpty()) {
                throw new AssertionError(jar + " lacks " + String.join(", ", missing));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops and unloads the plugin.
     *
     * @throws AssertionError when it did not stop or could not be unloaded
     */
    @Override
    public void close() {
        PluginState stopped = manager.stopPlugin(pluginId);
        boolean unloaded = manager.unloadPlugin(pluginId);
        if (stopped != PluginState.STOPPED || !unloaded) {
            throw new AssertionError("plugin " + pluginId + " ended " + stopped + (unloaded ? "" : ", not unloaded"));
        }
    }
}
