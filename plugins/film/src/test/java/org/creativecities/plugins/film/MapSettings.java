package org.creativecities.plugins.film;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.SettingsValidation;

/** Settings from a map of raw values, falling back to the plugin's declared defaults, for unit tests. */
record MapSettings(Map<String, String> values) implements PluginSettings {

    @Override
    public PluginSettings forCity(String citySlug) {
        return this;
    }

    @Override
    public Optional<String> raw(String key) {
        return Optional.ofNullable(values.get(key))
                .or(() -> new FilmModule().info().setting(key).map(d -> String.valueOf(d.defaultValue())));
    }

    @Override
    public String getString(String key) {
        return raw(key).orElseThrow();
    }

    @Override
    public long getInteger(String key) {
        return Long.parseLong(getString(key));
    }

    @Override
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(getString(key));
    }

    @Override
    public String getChoice(String key) {
        return getString(key);
    }

    @Override
    public List<String> getList(String key) {
        return SettingsValidation.splitList(getString(key));
    }
}
