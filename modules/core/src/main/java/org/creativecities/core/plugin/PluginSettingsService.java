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
import org.creativecities.core.city.CityService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.web.Problem;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.plugin.PluginDtos.SettingValue;
import org.creativecities.core.plugin.PluginDtos.SettingsView;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.SettingsValidation;

/**
 * Administrators' view of plugin settings: values per scope validated against the schema the plugin
 * declared, with secrets never shown.
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
    private Event<AdminChange> audit;

    public SettingsView get(Caller caller, String pluginId, String citySlug) {
        caller.requireAdmin();
        List<SettingDefinition> schema = schema(pluginId);
        String scope = scope(citySlug);
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
                    value == null ? null : d.secret() ? MASK : typed(d, value), source));
        }
        return new SettingsView(scope.isEmpty() ? null : scope, out);
    }

    public SettingsView put(Caller caller, String pluginId, String citySlug, Map<String, Object> values) {
        caller.requireAdmin();
        List<SettingDefinition> schema = schema(pluginId);
        String scope = scope(citySlug);
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
        String before = shown(get(caller, pluginId, citySlug), changes.keySet());
        states.saveSettings(pluginId, scope, changes);
        SettingsView after = get(caller, pluginId, citySlug);
        audit.fire(new AdminChange("plugin.settings", "plugin " + pluginId + (scope.isEmpty() ? "" : " in " + scope),
                before, shown(after, changes.keySet())));
        return after;
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
