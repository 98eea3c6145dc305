package org.creativecities.core.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.SettingType;
import org.creativecities.plugin.api.SettingsValidation;

/**
 * A plugin's settings as seen from one scope: a city's overrides, then the network-wide values, then the defaults of
 * the plugin's schema. What {@link CoreModuleContext#settings()} hands a plugin.
 */
final class ScopedSettings implements PluginSettings {

    private final String pluginId;
    private final ModuleInfo info;
    private final PluginContextServices services;
    private final String citySlug;

    /** @param citySlug the city whose overrides come first, or {@code ""} for the network-wide values */
    ScopedSettings(String pluginId, ModuleInfo info, PluginContextServices services, String citySlug) {
        this.pluginId = pluginId;
        this.info = info;
        this.services = services;
        this.citySlug = citySlug;
    }

    @Override
    public PluginSettings forCity(String slug) {
        return new ScopedSettings(pluginId, info, services, slug == null ? "" : slug);
    }

    private SettingDefinition definition(String key, SettingType expected) {
        SettingDefinition d = info.setting(key).orElseThrow(() ->
                new IllegalArgumentException("setting '" + key + "' is not in the plugin's schema"));
        if (expected != null && d.type() != expected) {
            throw new IllegalArgumentException("setting '" + key + "' is " + d.type() + ", not " + expected);
        }
        return d;
    }

    private Optional<String> value(SettingDefinition d) {
        if (!citySlug.isEmpty()) {
            Map<String, String> city = services.states().settings(pluginId, citySlug);
            if (city.containsKey(d.key())) {
                return Optional.of(city.get(d.key()));
            }
        }
        Map<String, String> global = services.states().settings(pluginId, "");
        return global.containsKey(d.key()) ? Optional.of(global.get(d.key())) : d.defaultValueIfAny();
    }

    private String required(String key, SettingType type) {
        return value(definition(key, type)).orElseThrow(() ->
                new IllegalStateException("setting '" + key + "' has no value and no default"));
    }

    @Override
    public Optional<String> raw(String key) {
        return value(definition(key, null));
    }

    @Override
    public String getString(String key) {
        return required(key, SettingType.STRING);
    }

    @Override
    public long getInteger(String key) {
        return Long.parseLong(required(key, SettingType.INTEGER));
    }

    @Override
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(required(key, SettingType.BOOLEAN));
    }

    @Override
    public String getChoice(String key) {
        return required(key, SettingType.ENUM);
    }

    @Override
    public List<String> getList(String key) {
        return value(definition(key, SettingType.LIST)).map(SettingsValidation::splitList).orElse(List.of());
    }
}
