package org.creativecities.core.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.plugin.api.CommonsModule;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.VersionManager;

/**
 * Checks a plugin jar before the host loads it, without running any of its code: it must be a jar, carry
 * a PF4J manifest with a well-formed id and a semantic version, require a plugin-API range that includes
 * the running API, index exactly one {@link CommonsModule} extension (which its isolated class loader
 * can load), and have only well-formed message bundles ({@link PluginMessageBundles}, read, never run). A jar
 * that fails gets a problem naming what is wrong.
 */
final class PluginJarInspector {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String INDEX = "META-INF/extensions.idx";

    /**
     * What the inspection found.
     *
     * @param id           the plugin id
     * @param version      its version
     * @param requires     its plugin-API range
     * @param dependencies the plugins it needs
     * @param moduleClass  the class implementing {@link CommonsModule}
     */
    record Inspection(String id, String version, String requires, List<PluginDependency> dependencies,
                      String moduleClass) {
    }

    private final VersionManager versions;
    private final String apiVersion;
    private final long maxInflated;

    /**
     * @param maxInflated the most bytes all entries of a jar may inflate to ({@code ccc.plugins.max-inflated-size})
     */
    PluginJarInspector(VersionManager versions, String apiVersion, long maxInflated) {
        this.versions = versions;
        this.apiVersion = apiVersion;
        this.maxInflated = maxInflated;
    }

    Inspection inspect(Path jar) {
        new PluginJarBounds(maxInflated).check(jar);
        PluginDescriptor descriptor;
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                throw refusal(422, "Not a plugin jar", "The jar has no META-INF/MANIFEST.MF, so no PF4J plugin "
                        + "manifest (Plugin-Id, Plugin-Version, Plugin-Requires).");
            }
            descriptor = new ManifestPluginDescriptorFinder().find(jar);
        } catch (IOException | PluginRuntimeException e) {
            throw refusal(422, "Not a plugin jar", "The jar has no readable PF4J plugin manifest: " + e.getMessage());
        }
        String id = descriptor.getPluginId();
        if (id == null || !ID.matcher(id).matches()) {
            throw refusal(422, "Not a plugin jar", "The manifest's Plugin-Id '" + id
                    + "' is missing or not made of letters, digits, dots, dashes and underscores (at most 64).");
        }
        String version = descriptor.getVersion();
        try {
            versions.compareVersions(version, "0.0.0");
        } catch (RuntimeException e) {
            throw refusal(422, "Not a plugin jar", "Plugin-Version '" + version + "' of '" + id
                    + "' is not a semantic version (e.g. 1.2.0).");
        }
        String requires = descriptor.getRequires();
        if (!satisfies(requires)) {
            throw refusal(422, "Plugin API not supported", "Plugin '" + id + "' " + version + " requires plugin API '"
                    + requires + "', but this server provides " + apiVersion + ".");
        }
        String module = moduleClass(jar, id);
        try {
            PluginMessageBundles.read(jar);
        } catch (PluginMessageBundles.InvalidBundles e) {
            throw refusal(422, "Invalid message bundles", "Plugin '" + id + "' has invalid message bundles: "
                    + e.getMessage() + ".");
        }
        return new Inspection(id, version, requires, List.copyOf(descriptor.getDependencies()), module);
    }

    /** Whether the running API satisfies a {@code Plugin-Requires} range (an exact version means "at least"). */
    boolean satisfies(String requires) {
        String range = requires == null ? "*" : requires.trim();
        if (range.matches("^\\d+\\.\\d+\\.\\d+$")) {
            range = ">=" + range;
        }
        try {
            return range.isEmpty() || "*".equals(range) || versions.checkVersionConstraint(apiVersion, range);
        } catch (RuntimeException e) {
            throw refusal(422, "Not a plugin jar", "Plugin-Requires '" + requires + "' is not a version range.");
        }
    }

    private static String moduleClass(Path jar, String id) {
        List<String> indexed = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(INDEX);
            if (entry == null) {
                throw refusal(422, "No plugin module", "Plugin '" + id + "' has no " + INDEX + ": its build did not "
                        + "run PF4J's annotation processor (name it in <annotationProcessors>, see the plugin guide).");
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(entry),
                    StandardCharsets.UTF_8))) {
                in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(indexed::add);
            }
        } catch (IOException e) {
            throw refusal(400, "Not a plugin jar", "The jar cannot be read: " + e.getMessage());
        }
        List<String> modules = new ArrayList<>();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                PluginJarInspector.class.getClassLoader())) {
            for (String name : indexed) {
                try {
                    if (CommonsModule.class.isAssignableFrom(Class.forName(name, false, isolated))) {
                        modules.add(name);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw refusal(422, "Broken plugin jar", "Plugin '" + id + "' indexes extension " + name
                            + " which cannot be loaded: " + e);
                }
            }
        } catch (IOException e) {
            throw refusal(400, "Not a plugin jar", "The jar cannot be opened: " + e.getMessage());
        }
        if (modules.size() != 1) {
            throw refusal(422, "No plugin module", "Plugin '" + id + "' must have exactly one @Extension implementing "
                    + "CommonsModule; it has " + modules.size() + (modules.isEmpty() ? "" : ": " + modules) + ".");
        }
        return modules.get(0);
    }

    static ProblemException refusal(int status, String title, String detail) {
        return new ProblemException(status, "/problems/plugin-refused", title, detail, List.of(), null);
    }
}
