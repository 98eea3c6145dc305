package org.creativecities.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, fully expanded configuration. Immutable.
 *
 * <p>{@link #asMap()} holds the canonical string of every {@link ConfigKey} (paths absolute, origins normalised) plus
 * the unknown keys of the file, passed through expanded but unchecked. The typed getters return the parsed values.
 */
public final class ResolvedConfig {

    private final Map<ConfigKey, Object> typed;
    private final Map<String, String> values;
    private final Map<String, String> extras;
    private final Map<String, String> sources;
    private final List<String> warnings;

    ResolvedConfig(Map<ConfigKey, Object> typed, Map<String, String> values, Map<String, String> extras,
                   Map<String, String> sources, List<String> warnings) {
        this.typed = Collections.unmodifiableMap(new EnumMap<>(typed));
        Map<String, String> all = new LinkedHashMap<>(values);
        extras.forEach(all::putIfAbsent);
        this.values = Collections.unmodifiableMap(all);
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.warnings = List.copyOf(warnings);
    }

    /** Every resolved key and its canonical value (known keys first, in {@link ConfigKey} order, then extras). */
    public Map<String, String> asMap() {
        return values;
    }

    /** The keys of the file that are not {@link ConfigKey}s, expanded and passed through without checks. */
    public Map<String, String> extras() {
        return extras;
    }

    /** Non-fatal findings, e.g. an unknown {@code ccc.*} key in the file (probably a typo). */
    public List<String> warnings() {
        return warnings;
    }

    /** Where a key's value came from, e.g. {@code environment variable CCC_HTTP_PORT}; empty string if unset. */
    public String source(ConfigKey key) {
        return sources.getOrDefault(key.key(), "");
    }

    /** The canonical string value of a key. Secrets are returned as they are: do not log them. */
    public String get(ConfigKey key) {
        return values.get(key.key());
    }

    /** The canonical string value of any resolved key (known or extra), or {@code null}. */
    public String get(String name) {
        return values.get(name);
    }

    /** The parsed value of a key, checked against the type's Java type. */
    public <T> T get(ConfigKey key, Class<T> type) {
        Class<?> actual = key.type().javaType();
        if (!type.isAssignableFrom(actual)) {
            throw new IllegalArgumentException(key.key() + " is of type " + actual.getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        return type.cast(Objects.requireNonNull(typed.get(key), key.key()));
    }

    public String getString(ConfigKey key) {
        return get(key, String.class);
    }

    public int getInt(ConfigKey key) {
        return get(key, Integer.class);
    }

    public boolean getBoolean(ConfigKey key) {
        return get(key, Boolean.class);
    }

    /** An absolute, normalised path. */
    public Path getPath(ConfigKey key) {
        return get(key, Path.class);
    }

    public Duration getDuration(ConfigKey key) {
        return get(key, Duration.class);
    }

    /** A list-typed value (e.g. the allowed origins). */
    @SuppressWarnings("unchecked")
    public List<String> getList(ConfigKey key) {
        return (List<String>) get(key, List.class);
    }

    /** A key's value for printing: {@code <hidden>} for a secret that is set. */
    public String printable(ConfigKey key) {
        String v = get(key);
        return key.isSecret() && !v.isEmpty() ? "<hidden>" : v;
    }

    /** One line per known key, {@code key = value}, secrets hidden. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            sb.append(key.key()).append(" = ").append(printable(key));
            String source = source(key);
            if (!source.isEmpty()) {
                sb.append("   [from ").append(source).append(']');
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ResolvedConfig{");
        String sep = "";
        for (ConfigKey key : ConfigKey.values()) {
            sb.append(sep).append(key.key()).append('=').append(printable(key));
            sep = ", ";
        }
        return sb.append('}').toString();
    }
}
