package org.creativecities.core.plugin;

import java.nio.file.Path;
import org.creativecities.plugin.api.PluginApi;
import org.pf4j.JarPluginManager;

/**
 * PF4J's jar plugin manager as the host uses it: the plugin-API version is the system version (so
 * {@code Plugin-Requires} is checked), and a plugin whose dependencies are missing is left out instead of
 * failing the whole folder.
 */
final class HostPluginManager extends JarPluginManager {

    HostPluginManager(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(PluginApi.VERSION);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }
}
