package org.creativecities.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creativecities.plugin.api.PluginApi;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginDependency;
import org.pf4j.PluginWrapper;

/**
 * PF4J's jar plugin manager as the host uses it: the plugin-API version is the system version (so
 * {@code Plugin-Requires} is checked), and a plugin whose dependencies are missing is left out instead of
 * failing the whole folder; it also answers in which order plugins start and stop, from their dependencies.
 */
final class HostPluginManager extends JarPluginManager {

    HostPluginManager(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(PluginApi.VERSION);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /**
     * The loaded plugins that depend on this one, directly or through others, as PF4J's dependency resolver knows
     * them; each comes before every plugin it depends on, which is the order to stop them in.
     */
    List<String> dependentsOf(String pluginId) {
        List<String> order = new ArrayList<>();
        addDependentsFirst(pluginId, order, new HashSet<>());
        order.remove(pluginId);
        return order;
    }

    private void addDependentsFirst(String pluginId, List<String> order, Set<String> seen) {
        if (!seen.add(pluginId)) {
            return;
        }
        for (String dependent : dependencyResolver.getDependents(pluginId)) {
            if (getPlugin(dependent) != null) {
                addDependentsFirst(dependent, order, seen);
            }
        }
        order.add(pluginId);
    }

    /** Every loaded plugin, each after the plugins it depends on (then by id): the order to start them in. */
    List<String> startOrder() {
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        getPlugins().stream().map(PluginWrapper::getPluginId).sorted()
                .forEach(id -> addDependenciesFirst(id, order, seen));
        return order;
    }

    private void addDependenciesFirst(String pluginId, List<String> order, Set<String> seen) {
        PluginWrapper plugin = getPlugin(pluginId);
        if (plugin == null || !seen.add(pluginId)) {
            return;
        }
        for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
            addDependenciesFirst(dependency.getPluginId(), order, seen);
        }
        order.add(pluginId);
    }
}
