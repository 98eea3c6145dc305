package org.creativecities.core.plugin;

import jakarta.json.bind.Jsonb;
import java.nio.file.Path;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;

/**
 * One running start of a plugin: its module and contributions, as obtained right after {@code start}. The
 * host drops it on stop; nothing else in the core keeps a reference to it or to anything it holds.
 *
 * @param pluginId the id
 * @param version  the version
 * @param jar      the jar it was loaded from (for the UI assets)
 * @param loader   the plugin's class loader (the supervisor's context loader for its calls)
 * @param module   the module instance (started and stopped by the {@link PluginLauncher} only)
 * @param info     what it declared
 * @param jsonb    its own JSON-B instance, closed on stop
 * @param code     its routes, hooks, event listener and room kinds (API 1.1), obtained once right after
 *                 {@code start} and called only through the supervisor
 */
record PluginRuntime(String pluginId, String version, Path jar, ClassLoader loader, CommonsModule module,
                     ModuleInfo info, Jsonb jsonb, SupervisedPlugin code) {
}
