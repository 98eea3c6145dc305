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
 * @param key          unique in the schema: a letter, then letters, digits, dots, dashes or underscores
 * @param type         the value type
 * @param defaultValue the canonical default, or {@code null} for "no value"
 * @param description  shown to administrators
 * @param secret       the admin API never shows the value (API keys, passwords)
 * @param min          {@code INTEGER}: the smallest value; {@code STRING}/{@code LIST}: the least length/size
 * @param max          {@code INTEGER}: the largest value; {@code STRING}/{@code LIST}: the greatest length/size
 * @param pattern      {@code STRING} and each {@code LIST} element: a regular expression the whole value matches
 * @param options      {@code ENUM}: the allowed values (required); {@code LIST}: the allowed elements, if given
 */
public record SettingDefinition(String key, SettingType type, String defaultValue, String description, boolean secret,
                                Long min, Long max, String pattern, List<String> options) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        options = options == null ? List.of() : List.copyOf(options);
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
        return new SettingDefinition(key, type, defaultValue, description, secret, least, most, pattern, options);
    }

    /** The same definition, with a pattern that values (or list elements) must match entirely. */
    public SettingDefinition withPattern(String regex) {
        return new SettingDefinition(key, type, defaultValue, description, secret, min, max, regex, options);
    }

    /** The same definition, restricted to these options (list elements). */
    public SettingDefinition withOptions(String... allowed) {
        return new SettingDefinition(key, type, defaultValue, description, secret, min, max, pattern,
                List.of(allowed));
    }

    /** The same definition, marked secret. */
    public SettingDefinition asSecret() {
        return new SettingDefinition(key, type, defaultValue, description, true, min, max, pattern, options);
    }

    public Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
