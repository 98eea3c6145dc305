package org.creativecities.plugin.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.SettingType;
import org.creativecities.plugin.api.SettingsValidation;

/**
 * {@link PluginSettings} from the plugin's own schema, with values a test sets as an administrator would: globally
 * ({@link #set}) or for one city ({@link #setForCity}). Values are validated with {@link SettingsValidation}, as the
 * admin API does, so a test cannot set what an administrator could not. A lookup follows the core's order: the
 * city's override, the global value, the schema's default. Thread-safe.
 */
public final class TestSettings implements PluginSettings {

    private final List<SettingDefinition> schema;
    private final Map<String, String> global;
    private final Map<String, Map<String, String>> cities;
    private final String city;

    public TestSettings(List<SettingDefinition> schema) {
        this(List.copyOf(schema), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), null);
    }

    private TestSettings(List<SettingDefinition> schema, Map<String, String> global,
                         Map<String, Map<String, String>> cities, String city) {
        this.schema = schema;
        this.global = global;
        this.cities = cities;
        this.city = city;
    }

    /**
     * Sets the global value, as an administrator would.
     *
     * @param value a String, Number, Boolean or List of Strings, as in the admin API's JSON
     * @throws IllegalArgumentException with the admin API's reason if the value is not valid
     */
    public TestSettings set(String key, Object value) {
        global.put(key, canonical(key, value));
        return this;
    }

    /** Sets a city's override, as a coordinator or administrator would. */
    public TestSettings setForCity(String citySlug, String key, Object value) {
        cities.computeIfAbsent(citySlug, c -> new ConcurrentHashMap<>()).put(key, canonical(key, value));
        return this;
    }

    /** Removes the global value and every city's override of a setting: the default applies again. */
    public TestSettings reset(String key) {
        definition(key);
        global.remove(key);
        cities.values().forEach(m -> m.remove(key));
        return this;
    }

    @Override
    public PluginSettings forCity(String citySlug) {
        return new TestSettings(schema, global, cities, citySlug);
    }

    @Override
    public Optional<String> raw(String key) {
        SettingDefinition d = definition(key);
        if (city != null) {
            String override = cities.getOrDefault(city, Map.of()).get(key);
            if (override != null) {
                return Optional.of(override);
            }
        }
        String value = global.get(key);
        return value != null ? Optional.of(value) : d.defaultValueIfAny();
    }

    @Override
    public String getString(String key) {
        return typed(key, SettingType.STRING);
    }

    @Override
    public long getInteger(String key) {
        return Long.parseLong(typed(key, SettingType.INTEGER));
    }

    @Override
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(typed(key, SettingType.BOOLEAN));
    }

    @Override
    public String getChoice(String key) {
        return typed(key, SettingType.ENUM);
    }

    @Override
    public List<String> getList(String key) {
        return SettingsValidation.splitList(raw(key).orElse(""));
    }

    private String typed(String key, SettingType type) {
        SettingDefinition d = definition(key);
        if (d.type() != type) {
            throw new IllegalArgumentException("setting '" + key + "' is " + d.type() + ", not " + type);
        }
        return raw(key).orElseThrow(() -> new IllegalArgumentException("setting '" + key + "' has no value"));
    }

    private String canonical(String key, Object value) {
        SettingsValidation.Outcome outcome = SettingsValidation.check(definition(key), value);
        return outcome.value().orElseThrow(() -> new IllegalArgumentException(
                "setting '" + key + "' " + outcome.error().orElse("is not valid")));
    }

    private SettingDefinition definition(String key) {
        return schema.stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the settings schema has no key '" + key + "'"));
    }
}
