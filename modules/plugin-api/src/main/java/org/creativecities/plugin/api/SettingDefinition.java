package org.creativecities.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a plugin's settings schema. Administrators set values globally and per city through the
 * admin API, which validates them with {@link SettingsValidation}; plugins read them through
 * {@link PluginSettings} (a city's value, else the global value, else the default).
 *
 * <p>Values travel as text in a canonical form: {@code STRING} as is, {@code INTEGER} in decimal,
 * {@code BOOLEAN} as {@code true}/{@code false}, {@code ENUM} as one of the options, and {@code LIST} as its
 * elements joined by a line feed. Build definitions with the factories and refine them with the
 * {@code with…} methods, for example {@code SettingDefinition.integer("maxDrift", 2, "…").withRange(0, 30)}.
 *
 * <p>What people read about a setting comes from the plugin's message bundles (since 1.3, see
 * {@link MessageBundles}): {@code setting.<key>.label} and {@code setting.<key>.help}. The {@code description}
 * here is the last fallback of the help text, and the key is never shown as a label.
 *
 * @param key          unique in the schema: a letter, then letters, digits, dots, dashes or underscores
 * @param type         the value type
 * @param defaultValue the canonical default, or {@code null} for "no value"
 * @param description  shown to administrators
 * @param secret       the admin API never shows the value (API keys, passwords)
 * @param min          {@code INTEGER}: the smallest value; {@code STRING}/{@code LIST}: the least length/size
 * @param max          {@code INTEGER}: the largest value; {@code STRING}/{@code LIST}: the greatest length/size
 * @param pattern      {@code STRING} and each {@code LIST} element: a regular expression the whole value matches
 * @param options      {@code ENUM}: the allowed values (required); {@code LIST}: the allowed elements, if given
 * @param changeableBy who may change the value besides administrators (since 1.3.0); {@code null} means
 *                     {@link ChangeableBy#ADMIN}
 */
public record SettingDefinition(String key, SettingType type, String defaultValue, String description, boolean secret,
                                Long min, Long max, String pattern, List<String> options, ChangeableBy changeableBy) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        options = options == null ? List.of() : List.copyOf(options);
        changeableBy = changeableBy == null ? ChangeableBy.ADMIN : changeableBy;
    }

    /** A definition only administrators change: the form of API 1.0 to 1.2, kept for plugins built against them. */
    public SettingDefinition(String key, SettingType type, String defaultValue, String description, boolean secret,
                             Long min, Long max, String pattern, List<String> options) {
        this(key, type, defaultValue, description, secret, min, max, pattern, options, ChangeableBy.ADMIN);
    }

    public static SettingDefinition string(String key, String defaultValue, String description) {
        return new SettingDefinition(key, SettingType.STRING, defaultValue, description, false, null, null, null,
                List.of());
    }

    public static SettingDefinition integer(String key, long defaultValue, String description) {
        return new SettingDefinition(key, SettingType.INTEGER, Long.toString(defaultValue), description, false, null,
                null, null, List.of());
    }

    public static SettingDefinition bool(String key, boolean defaultValue, String description) {
        return new SettingDefinition(key, SettingType.BOOLEAN, Boolean.toString(defaultValue), description, false,
                null, null, null, List.of());
    }

    public static SettingDefinition choice(String key, String defaultValue, String description, String... options) {
        return new SettingDefinition(key, SettingType.ENUM, defaultValue, description, false, null, null, null,
                List.of(options));
    }

    public static SettingDefinition list(String key, List<String> defaultValue, String description) {
        return new SettingDefinition(key, SettingType.LIST, String.join("\n", defaultValue), description, false, null,
                null, null, List.of());
    }

    /** The same definition, with a value range (or length/size range). */
    public SettingDefinition withRange(long least, long most) {
        return new SettingDefinition(key, type, defaultValue, description, secret, least, most, pattern,
                options, changeableBy);
    }

    /** The same definition, with a pattern that values (or list elements) must match entirely. */
    public SettingDefinition withPattern(String regex) {
        return new SettingDefinition(key, type, defaultValue, description, secret, min, max, regex,
                options, changeableBy);
    }

    /** The same definition, restricted to these options (list elements). */
    public SettingDefinition withOptions(String... allowed) {
        return new SettingDefinition(key, type, defaultValue, description, secret, min, max, pattern,
                List.of(allowed), changeableBy);
    }

    /** The same definition, marked secret. */
    public SettingDefinition asSecret() {
        return new SettingDefinition(key, type, defaultValue, description, true, min, max, pattern,
                options, changeableBy);
    }

    /**
     * The same definition, which a city's coordinators may also change for their city
     * ({@link ChangeableBy#CITY_COORDINATOR}): the network-wide value stays the administrators'.
     *
     * @since 1.3.0
     */
    public SettingDefinition changeableByCityCoordinators() {
        return new SettingDefinition(key, type, defaultValue, description, secret, min, max, pattern, options,
                ChangeableBy.CITY_COORDINATOR);
    }

    /**
     * Whether a city's coordinators may change this setting for their city.
     *
     * @since 1.3.0
     */
    public boolean cityCoordinatorsMayChange() {
        return changeableBy == ChangeableBy.CITY_COORDINATOR;
    }

    public Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
