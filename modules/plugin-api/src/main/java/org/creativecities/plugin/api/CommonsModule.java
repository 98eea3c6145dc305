package org.creativecities.plugin.api;

import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.hook.EventListener;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.room.RoomKind;
import org.pf4j.ExtensionPoint;

/**
 * The entry point of a plugin: exactly one class per plugin implements it and carries PF4J's
 * {@code @Extension}. Everything else a plugin contributes is reached from here.
 *
 * <p><b>Lifecycle.</b> The core creates one instance per start of the plugin (after installation, on
 * enable, on server start when the plugin is enabled, after an upgrade). It then calls, in order:
 * <ol>
 *   <li>{@link #info()}, once; the result is fixed until the next start;</li>
 *   <li>{@link #start(ModuleContext)}, once, within the start timeout (10 s by default);</li>
 *   <li>{@link #http()}, {@link #joinHook()}, {@link #messageHook()}, {@link #events()} and
 *       {@link #roomKinds()}, once each,
 *       right after {@code start}: what they return is used until {@code stop};</li>
 *   <li>the contributions, any number of times, concurrently;</li>
 *   <li>{@link #stop()}, once, when the plugin is stopped, disabled, upgraded or uninstalled, or the server
 *       shuts down. It is called even if a contribution failed, but not if {@code start} threw.</li>
 * </ol>
 * After {@code stop} the instance is dropped; a later start gets a new instance.
 *
 * <p><b>Threading.</b> Every call comes from a worker thread owned by the core's plugin supervisor, never
 * from a request thread, with a time limit (2 s by default for contributions, 10 s for {@code start} and
 * {@code stop}); the thread is interrupted when the limit passes, and the call counts as a failure. Calls
 * to contributions run concurrently and must be thread-safe. A plugin that starts its own threads must stop
 * them in {@code stop}: the core does not know about them, and a thread left running keeps the plugin's
 * class loader, and so all its classes, in memory.
 *
 * <p><b>Failures.</b> Every {@link Throwable} thrown from the plugin is caught and recorded against the
 * plugin's health. Three failures within 60 minutes (configurable) disable the plugin automatically.
 */
public interface CommonsModule extends ExtensionPoint {

    /** What the plugin is and needs. Called once per start, before {@link #start}; must not block. */
    ModuleInfo info();

    /**
     * Prepares the plugin: read settings, check storage, keep the context. Throwing here fails the start:
     * the plugin is reported as failed and nothing it contributes is used.
     */
    void start(ModuleContext context);

    /** Releases what {@link #start} acquired: threads, caches, connections. Must not throw. */
    void stop();

    /**
     * REST routes, served under {@code /api/plugins/{pluginId}/...} and, scoped to a city where the plugin is
     * enabled, {@code /api/plugins/{pluginId}/cities/{citySlug}/...}. Needs {@link Permission#HTTP_ROUTES}.
     * Use {@link org.creativecities.plugin.api.http.Routes} to match paths and methods.
     */
    default Optional<HttpHandler> http() {
        return Optional.empty();
    }

    /** A <em>before</em> hook on members joining a city. Needs {@link Permission#HOOKS}. */
    default Optional<JoinHook> joinHook() {
        return Optional.empty();
    }

    /** A <em>before</em> hook on messages about to be posted in a live room. Needs {@link Permission#HOOKS}. */
    default Optional<MessageHook> messageHook() {
        return Optional.empty();
    }

    /** A listener for <em>after</em> events. Needs {@link Permission#EVENTS}. */
    default Optional<EventListener> events() {
        return Optional.empty();
    }

    /**
     * The behaviour of the room kinds the plugin declares in {@link ModuleInfo#roomKinds()} (since API 1.1),
     * driven by the live-room engine; see {@link RoomKind} for the lifecycle and threading of each call. Every
     * returned kind's id must be declared (see {@link org.creativecities.plugin.api.room.RoomKinds#check}). A
     * declared kind without behaviour (a 1.0 plugin) is listed but no room of it can be created. Needs no
     * permission of its own; kinds that keep state need {@link Permission#STORAGE}.
     *
     * @since 1.1.0
     */
    default List<RoomKind> roomKinds() {
        return List.of();
    }
}
