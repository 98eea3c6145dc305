package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityService;
import org.creativecities.core.city.CommunityDirectory;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.web.Problem;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.plugin.PluginDtos.SettingValue;
import org.creativecities.core.plugin.PluginDtos.SettingsView;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.SettingsValidation;

/**
 * Plugin settings: values per scope validated against the schema the plugin declared, with secrets never shown and
 * each setting labelled in the caller's language ({@link PluginTexts}). Administrators change every setting,
 * network-wide and per city; a city's coordinators change, for their city only, the settings the plugin opened to
 * them ({@link org.creativecities.plugin.api.ChangeableBy#CITY_COORDINATOR}) while it is enabled there.
 */
@ApplicationScoped
public class PluginSettingsService {

    /** What the admin API shows instead of a secret value. */
    public static final String MASK = "********";

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginStates states;

    @Inject
    private CityService cities;

    @Inject
    private CommunityDirectory community;

    @Inject
    private Event<AdminChange> audit;

    @Inject
    private PluginTexts texts;

    /** An administrator's view of every setting, network-wide or as one city sees it. */
    public SettingsView get(Caller caller, String pluginId, String citySlug, RequestedLanguages languages) {
        caller.requireAdmin();
        return view(pluginId, scope(citySlug), schema(pluginId), languages);
    }

    /** A city's view of the settings its coordinators may change, as that city sees them. */
    public SettingsView getForCity(Caller caller, String citySlug, String pluginId, RequestedLanguages languages) {
        String scope = coordinatorScope(caller, citySlug, pluginId);
        return view(pluginId, scope, schema(pluginId).stream().filter(SettingDefinition::cityCoordinatorsMayChange)
                .toList(), languages);
    }

    /** An administrator changes settings, network-wide or for one city. */
    public SettingsView put(Caller caller, String pluginId, String citySlug, Map<String, Object> values,
                            RequestedLanguages languages) {
        caller.requireAdmin();
        List<SettingDefinition> schema = schema(pluginId);
        String scope = scope(citySlug);
        change(pluginId, scope, schema, values);
        return view(pluginId, scope, schema, languages);
    }

    /**
     * A coordinator (or an administrator) changes a city's values of the settings open to its coordinators; any
     * other setting of the plugin is refused with 403, whatever the values.
     */
    public SettingsView putForCity(Caller caller, String citySlug, String pluginId, Map<String, Object> values,
                                   RequestedLanguages languages) {
        String scope = coordinatorScope(caller, citySlug, pluginId);
        List<SettingDefinition> schema = schema(pluginId);
        if (values != null) {
            List<String> closed = values.keySet().stream().filter(key -> schema.stream()
                    .anyMatch(d -> d.key().equals(key) && !d.cityCoordinatorsMayChange())).sorted().toList();
            if (!closed.isEmpty()) {
                throw ProblemException.forbidden("Only network administrators can change setting(s) "
                        + String.join(", ", closed) + " of plugin '" + pluginId + "'; a city's coordinators change "
                        + "only the settings the plugin opens to them.");
            }
        }
        List<SettingDefinition> open = schema.stream().filter(SettingDefinition::cityCoordinatorsMayChange).toList();
        change(pluginId, scope, open, values);
        return view(pluginId, scope, open, languages);
    }

    private SettingsView view(String pluginId, String scope, List<SettingDefinition> schema,
                              RequestedLanguages languages) {
        PluginTexts.Texts shown = texts.of(pluginId, languages);
        Map<String, String> global = states.settings(pluginId, "");
        Map<String, String> city = scope.isEmpty() ? Map.of() : states.settings(pluginId, scope);
        List<SettingValue> out = new ArrayList<>();
        for (SettingDefinition d : schema) {
            String source;
            String value;
            if (city.containsKey(d.key())) {
                source = "city";
                value = city.get(d.key());
            } else if (global.containsKey(d.key())) {
                source = "global";
                value = global.get(d.key());
            } else if (d.defaultValue() != null) {
                source = "default";
                value = d.defaultValue();
            } else {
                source = "none";
                value = null;
            }
            out.add(new SettingValue(d.key(), d.type().name(), d.description(), d.secret(),
                    value == null ? null : d.secret() ? MASK : typed(d, value), source, shown.label(d), shown.help(d),
                    d.changeableBy().name(), d.min(), d.max(), d.pattern(), d.options()));
        }
        return new SettingsView(scope.isEmpty() ? null : scope, out);
    }

    private void change(String pluginId, String scope, List<SettingDefinition> schema, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            throw ProblemException.invalidField("values", "give at least one setting");
        }
        Map<String, String> errors = SettingsValidation.checkAll(schema, values);
        if (!errors.isEmpty()) {
            List<Problem.FieldError> fields = errors.entrySet().stream()
                    .map(e -> new Problem.FieldError("values." + e.getKey(), e.getValue())).toList();
            throw ProblemException.invalid(errors.size() + " invalid setting(s) for plugin '" + pluginId + "'.",
                    fields);
        }
        Map<String, String> changes = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            SettingDefinition d = schema.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
            changes.put(key, value == null ? null : SettingsValidation.check(d, value).value().orElseThrow());
        });
        String before = shown(view(pluginId, scope, schema, RequestedLanguages.ENGLISH), changes.keySet());
        states.saveSettings(pluginId, scope, changes);
        audit.fire(new AdminChange("plugin.settings", "plugin " + pluginId + (scope.isEmpty() ? "" : " in " + scope),
                before, shown(view(pluginId, scope, schema, RequestedLanguages.ENGLISH), changes.keySet())));
    }

    /**
     * The city's scope for a coordinator's call: the caller must be signed in (401) and coordinate the city or be
     * an administrator (403), and the plugin must be installed (404) and enabled in the city (404).
     */
    private String coordinatorScope(Caller caller, String citySlug, String pluginId) {
        Caller.Identity who = caller.require();
        City city = cities.get(citySlug);
        if (!who.admin() && !community.isCoordinator(who.id(), city.id())) {
            throw ProblemException.forbidden("Only coordinators of " + city.name()
                    + " and administrators can change its plugin settings.");
        }
        registry.get(pluginId);
        if (!states.find(pluginId).map(r -> r.isEnabled() && r.coversCity(city.slug())).orElse(false)) {
            throw new ProblemException(404, "/problems/not-found", "Plugin not enabled here", "Plugin '" + pluginId
                    + "' is not enabled in " + city.name() + ".", List.of(), null);
        }
        return city.slug();
    }

    /** The given settings as the admin API shows them (secrets masked), for the audit log. */
    private static String shown(SettingsView view, Set<String> keys) {
        return view.settings().stream().filter(v -> keys.contains(v.key()))
                .map(v -> v.key() + "=" + v.value()).collect(Collectors.joining(", "));
    }

    private List<SettingDefinition> schema(String pluginId) {
        registry.get(pluginId);
        return registry.snapshot(pluginId).map(PluginDtos.ModuleSnapshot::schema).orElseThrow(() ->
                ProblemException.conflict("Settings unknown", "Plugin '" + pluginId
                        + "' has not described its settings yet: start it once."));
    }

    private String scope(String citySlug) {
        if (citySlug == null || citySlug.isEmpty()) {
            return "";
        }
        return cities.get(citySlug).slug();
    }

    private static Object typed(SettingDefinition d, String canonical) {
        return switch (d.type()) {
            case INTEGER -> Long.parseLong(canonical);
            case BOOLEAN -> Boolean.parseBoolean(canonical);
            case LIST -> SettingsValidation.splitList(canonical);
            case STRING, ENUM -> canonical;
        };
    }
}
