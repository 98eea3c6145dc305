package org.creativecities.plugin.api;

import java.time.Clock;
import java.util.logging.Logger;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.work.PluginWorks;

/**
 * What the core hands a plugin in {@link CommonsModule#start(ModuleContext)}: its identity and the core's
 * services. The context is valid from {@code start} until {@code stop} returns; a plugin keeps the
 * reference in a field and drops it on {@code stop}.
 *
 * <p><b>Threading.</b> Every method, and every service it returns, is thread-safe and may be called from
 * any thread the core calls the plugin on. The services that touch data run their own short transaction
 * per call; they never join a transaction of the caller.
 *
 * <p><b>Permissions.</b> {@link #storage()}, {@link #cities()}, {@link #members()}, {@link #files()} and
 * {@link #works()} check that the plugin declared {@link Permission#STORAGE}, {@link Permission#CITIES_READ},
 * {@link Permission#MEMBERS_READ}, {@link Permission#FILES} and {@link Permission#WORKS_WRITE} respectively, and throw
 * {@link PluginPermissionException} otherwise. The other methods need none.
 */
public interface ModuleContext {

    /** The plugin's id (PF4J's {@code Plugin-Id}). */
    String pluginId();

    /** The plugin's version as installed. */
    String pluginVersion();

    /** The plugin's key/value and JSON document storage. Needs {@link Permission#STORAGE}. */
    PluginStorage storage();

    /** The plugin's settings, as set by administrators. */
    PluginSettings settings();

    /** Read-only lookups of cities. Needs {@link Permission#CITIES_READ}. */
    CityLookup cities();

    /** Read-only lookups of city memberships. Needs {@link Permission#MEMBERS_READ}. */
    MemberLookup members();

    /**
     * Files through the core's media store. Needs {@link Permission#FILES}.
     *
     * @since 1.3.0
     */
    default PluginFiles files() {
        throw new UnsupportedOperationException("This host has no media store for plugins.");
    }

    /**
     * Works the plugin writes for people: ordinary works of the core's kinds (versioned, exportable, forkable,
     * searchable), each version authored by a person. Needs {@link Permission#WORKS_WRITE}.
     *
     * <p>The default implementation, for hosts without it, throws {@link UnsupportedOperationException}.
     *
     * @since 1.3.0
     */
    default PluginWorks works() {
        throw new UnsupportedOperationException("This host does not write works for plugins (plugin API 1.3.0).");
    }

    /** JSON conversion with the same rules the core uses for the plugin's HTTP responses. */
    JsonCodec json();

    /** The core's clock (UTC). Use it instead of {@code Instant.now()} so tests and the core agree on time. */
    Clock clock();

    /**
     * A {@code java.util.logging} logger named {@code ccc.plugin.<pluginId>}; its records reach the server
     * log tagged with the plugin's id.
     */
    Logger logger();

    /**
     * The plugin's timers: one-shot and repeating tasks, and durable timers that survive restarts, all run by the
     * core under its plugin supervisor (see {@link PluginTimers} for the delivery guarantees). Needs no
     * permission. The service belongs to this start of the plugin: everything scheduled in memory through it is
     * cancelled when the plugin stops.
     *
     * <p>The default implementation, for hosts older than API 1.3, throws {@link UnsupportedOperationException};
     * the Creative Cities core implements it.
     *
     * @since 1.3.0
     */
    default PluginTimers timers() {
        throw new UnsupportedOperationException("this host does not offer timers (plugin API 1.3.0 or later)");
    }
}
