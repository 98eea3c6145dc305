package org.creativecities.core.plugin;

import jakarta.json.bind.Jsonb;
import java.nio.file.Path;
import java.util.Optional;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.hook.EventListener;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.http.HttpHandler;

/**
 * One running start of a plugin: its module and contributions, as obtained right after {@code start}. The
 * host drops it on stop; nothing else in the core keeps a reference to it or to anything it holds.
 *
 * @param pluginId  the id
 * @param version   the version
 * @param jar       the jar it was loaded from (for the UI assets)
 * @param loader    the plugin's class loader (the supervisor's context loader for its calls)
 * @param module    the module instance
 * @param info      what it declared
 * @param jsonb     its own JSON-B instance, closed on stop
 * @param http      its REST routes
 * @param joinHook  its join hook
 * @param messageHook its message hook
 * @param events    its event listener
 * @param roomKinds its room kinds by id (API 1.1), obtained once right after {@code start}
 */
record PluginRuntime(String pluginId, String version, Path jar, ClassLoader loader, CommonsModule module,
                     ModuleInfo info, Jsonb jsonb, Optional<HttpHandler> http, Optional<JoinHook> joinHook,
                     Optional<MessageHook> messageHook, Optional<EventListener> events,
                     java.util.Map<String, org.creativecities.plugin.api.room.RoomKind> roomKinds) {
}
