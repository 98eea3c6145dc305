package org.creativecities.core.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.creativecities.plugin.api.ChangeableBy;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.SettingType;

/** The plugin admin API's bodies. */
public final class PluginDtos {

    private PluginDtos() {
    }

    /**
     * A room kind a plugin provides.
     *
     * @param id          its id
     * @param name        its name
     * @param description its description
     */
    public record RoomKindView(String id, String name, String description) {
    }

    /**
     * A structured work kind a plugin provides (API 1.3).
     *
     * @param kind        its full name, {@code <pluginId>:<id>}, as works carry it
     * @param name        its name
     * @param description its description
     * @param schema      the path of its JSON Schema in the jar
     */
    public record WorkKindView(String kind, String name, String description, String schema) {
    }

    /**
     * A name and a description in one language.
     *
     * @param name        the name
     * @param description the description
     */
    public record ModuleText(String name, String description) {
    }

    /**
     * What the running plugins are called, in one language, for the browser's catalogues: the UI looks room kinds
     * up by id ({@code roomKinds.watch-party.name}).
     *
     * @param language  the language asked for (the texts fall back to English, then to the plugin's own)
     * @param modules   each running plugin by id
     * @param roomKinds each room kind of a running plugin by id
     */
    public record ModuleTexts(String language, Map<String, ModuleText> modules, Map<String, ModuleText> roomKinds) {
    }

    /**
     * A browser UI module of a plugin.
     *
     * @param module  its address, e.g. {@code /plugins/film/ui/page.js}
     * @param element the custom element it defines, e.g. {@code ccc-film-page}
     */
    public record UiView(String module, String element) {
    }

    /**
     * A domain module (plugin) enabled for a city, as its visitors see it.
     *
     * @param id          the plugin id
     * @param name        its display name
     * @param description its description
     * @param version     its version
     * @param page        its city page's UI module, or null
     * @param roomKinds   the ids of the room kinds it provides
     * @param kinds       the same room kinds with their names and descriptions in the requested language
     */
    public record CityModuleView(String id, String name, String description, String version, UiView page,
                                 List<String> roomKinds, List<RoomKindView> kinds) {
    }

    /**
     * A setting's definition, as the plugin declared it (a copy made of core types only).
     *
     * @param key          the key
     * @param type         STRING, INTEGER, BOOLEAN, ENUM or LIST
     * @param defaultValue the canonical default ({@code ********} for secrets)
     * @param description  for administrators
     * @param secret       never shown
     * @param min          lower bound (value, length or size)
     * @param max          upper bound
     * @param pattern      regular expression
     * @param options      allowed values
     * @param changeableBy ADMIN, or CITY_COORDINATOR when a city's coordinators may change the city's value
     *                     (missing in descriptions stored before API 1.3: ADMIN)
     * @param label        in answers: the label in the requested language (never the bare key); not stored
     * @param help         in answers: the help text in the requested language; not stored
     */
    public record SettingSchema(String key, String type, String defaultValue, String description, boolean secret,
                                Long min, Long max, String pattern, List<String> options, String changeableBy,
                                String label, String help) {

        static SettingSchema of(SettingDefinition d) {
            return new SettingSchema(d.key(), d.type().name(), d.defaultValue(), d.description(), d.secret(), d.min(),
                    d.max(), d.pattern(), d.options(), d.changeableBy().name(), null, null);
        }

        SettingDefinition definition() {
            return new SettingDefinition(key, SettingType.valueOf(type), defaultValue, description, secret, min, max,
                    pattern, options, changeableBy == null ? ChangeableBy.ADMIN : ChangeableBy.valueOf(changeableBy));
        }

        /** The same schema entry with its texts for an answer. */
        SettingSchema withTexts(String shownLabel, String shownHelp) {
            return new SettingSchema(key, type, defaultValue, description, secret, min, max, pattern, options,
                    definition().changeableBy().name(), shownLabel, shownHelp);
        }
    }

    /**
     * What a plugin said about itself when it last started (or was inspected), kept in the database so that
     * administrators see it while the plugin is stopped or disabled.
     *
     * @param name        display name
     * @param description description
     * @param icon        icon
     * @param fields      creative fields served
     * @param roomKinds   room kinds provided
     * @param permissions declared permissions (wire names)
     * @param settings    the settings schema
     * @param uiModule    the UI module's path in the jar, or null
     * @param workKinds   the structured work kinds provided (API 1.3); empty in snapshots taken before
     * @param languages   in answers: the languages of the plugin's message bundles (the texts above are in the
     *                    requested one, else English, else as the plugin declared them); not stored
     */
    public record ModuleSnapshot(String name, String description, String icon, List<String> fields,
                                 List<RoomKindView> roomKinds, List<String> permissions, List<SettingSchema> settings,
                                 String uiModule, List<WorkKindView> workKinds, List<String> languages) {

        public ModuleSnapshot {
            workKinds = workKinds == null ? List.of() : List.copyOf(workKinds);
        }

        static ModuleSnapshot of(String pluginId, ModuleInfo info) {
            return new ModuleSnapshot(info.name(), info.description(), info.icon(),
                    info.fields().stream().sorted().toList(),
                    info.roomKinds().stream().map(k -> new RoomKindView(k.id(), k.name(), k.description())).toList(),
                    info.permissions().stream().map(Permission::wireName).sorted().toList(),
                    info.settings().stream().map(SettingSchema::of).toList(), info.uiModule().orElse(null),
                    info.workKinds().stream().map(k -> new WorkKindView(k.qualifiedId(pluginId), k.name(),
                            k.description(), k.schema())).toList(), null);
        }

        List<SettingDefinition> schema() {
            return settings.stream().map(SettingSchema::definition).toList();
        }
    }

    /**
     * A plugin, as administrators see it.
     *
     * @param id             Plugin-Id
     * @param version        Plugin-Version
     * @param description    Plugin-Description
     * @param provider       Plugin-Provider
     * @param requires       the plugin-API range it needs
     * @param apiVersion     the plugin-API version of this server
     * @param dependencies   the plugins it needs ({@code id@range})
     * @param state          STARTED, STOPPED, FAILED or DISABLED
     * @param health         ok, degraded (recent failures), failed (cannot start) or disabled
     * @param recentFailures failures within the supervisor's window
     * @param lastError      the last failure
     * @param lastErrorAt    when
     * @param disabledReason why it is disabled (by whom)
     * @param disabledAt     since when
     * @param networkWide    enabled for every city
     * @param cities         the cities it is enabled for, when not network-wide
     * @param suspendedIn    the cities where its failures suspended it for a while (see the supervisor)
     * @param module         what it declared (name, permissions, fields, room kinds, settings, UI module)
     * @param stoppedDependents only in the answer to stop and disable, when there were any: the running plugins
     *                       that depend on this one and were stopped with it, in the order they were stopped
     */
    public record PluginView(String id, String version, String description, String provider, String requires,
                             String apiVersion, List<String> dependencies, String state, String health,
                             int recentFailures, String lastError, Instant lastErrorAt, String disabledReason,
                             OffsetDateTime disabledAt, boolean networkWide, List<String> cities,
                             List<String> suspendedIn, ModuleSnapshot module, List<String> stoppedDependents) {

        /** The plugin as it stands, no dependents stopped. */
        public PluginView(String id, String version, String description, String provider, String requires,
                          String apiVersion, List<String> dependencies, String state, String health,
                          int recentFailures, String lastError, Instant lastErrorAt, String disabledReason,
                          OffsetDateTime disabledAt, boolean networkWide, List<String> cities,
                          List<String> suspendedIn, ModuleSnapshot module) {
            this(id, version, description, provider, requires, apiVersion, dependencies, state, health,
                    recentFailures, lastError, lastErrorAt, disabledReason, disabledAt, networkWide, cities,
                    suspendedIn, module, null);
        }

        /** This view with the dependents that were stopped with the plugin (none: unchanged). */
        public PluginView withStoppedDependents(List<String> dependents) {
            return dependents.isEmpty() ? this : new PluginView(id, version, description, provider, requires,
                    apiVersion, dependencies, state, health, recentFailures, lastError, lastErrorAt, disabledReason,
                    disabledAt, networkWide, cities, suspendedIn, module, List.copyOf(dependents));
        }
    }

    /**
     * A jar in the plugins folder that was not loaded at start-up.
     *
     * @param file   its file name
     * @param reason why
     */
    public record RefusedJar(String file, String reason) {
    }

    /**
     * The plugin list.
     *
     * @param apiVersion the plugin-API version of this server
     * @param plugins    the installed plugins
     * @param refused    jars found at start-up that could not be loaded
     */
    public record PluginList(String apiVersion, List<PluginView> plugins, List<RefusedJar> refused) {
    }

    /**
     * Where a plugin is switched on.
     *
     * @param networkWide every city
     * @param cities      otherwise, these cities (slugs)
     */
    public record Placement(Boolean networkWide, List<String> cities) {
    }

    /**
     * A setting and its value in one scope.
     *
     * @param key          the key
     * @param type         its type
     * @param description  as the plugin declared it (English)
     * @param secret       whether the value is hidden
     * @param value        the effective value (typed JSON); {@code "********"} for a secret that has one
     * @param source       where the value comes from: city, global, default or none
     * @param label        what to call it, in the requested language (never the bare key)
     * @param help         what it does, in the requested language
     * @param changeableBy ADMIN, or CITY_COORDINATOR when a city's coordinators may change the city's value
     * @param min          lower bound (value, length or size), or null
     * @param max          upper bound, or null
     * @param pattern      regular expression values match, or null
     * @param options      allowed values (ENUM), allowed elements (LIST), or empty
     */
    public record SettingValue(String key, String type, String description, boolean secret, Object value,
                               String source, String label, String help, String changeableBy, Long min, Long max,
                               String pattern, List<String> options) {
    }

    /**
     * The settings of a plugin in one scope.
     *
     * @param city     the city, or null for network-wide values
     * @param settings one entry per setting of the schema
     */
    public record SettingsView(String city, List<SettingValue> settings) {
    }

    /**
     * Settings to change: a value per key; {@code null} removes the scope's value (falling back to the
     * global value or the default).
     *
     * @param values the changes
     */
    public record SettingsChange(Map<String, Object> values) {
    }

    /**
     * The JVM's numbers that show whether plugins leak.
     *
     * @param apiVersion              the plugin-API version
     * @param pluginsDir              where jars are loaded from
     * @param loadedClasses           classes currently loaded
     * @param totalLoadedClasses      classes loaded since start
     * @param unloadedClasses         classes unloaded since start
     * @param heapUsedBytes           heap in use
     * @param liveThreads             threads alive
     * @param pluginWorkerThreads     the supervisor's worker threads alive
     * @param pluginClassLoadersAlive class loaders of plugins (loaded now or ever) not yet garbage collected
     * @param pluginsLoaded           plugins loaded now
     */
    public record HostDiagnostics(String apiVersion, String pluginsDir, int loadedClasses, long totalLoadedClasses,
                                  long unloadedClasses, long heapUsedBytes, int liveThreads, int pluginWorkerThreads,
                                  int pluginClassLoadersAlive, int pluginsLoaded) {
    }
}
