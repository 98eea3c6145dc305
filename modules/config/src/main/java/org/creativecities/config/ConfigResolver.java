package org.creativecities.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Resolves, expands and validates every {@link ConfigKey}.
 *
 * <p>Precedence, highest first: JVM system property, environment variable (MicroProfile Config mapping: the exact
 * name, then non-alphanumerics replaced by {@code _}, then that upper-cased, e.g. {@code CCC_HTTP_ALLOWED_ORIGINS}),
 * the properties file. Values may refer to other keys as {@code ${other.key}}; references are resolved with the same
 * precedence (unknown names too, e.g. {@code ${user.home}}). Secrets are taken literally. Values are trimmed, except
 * secrets. Relative paths are resolved against the base directory (the working directory by default).
 *
 * <p>{@link #resolve()} checks every key and throws one {@link ConfigException} listing every problem.
 */
public final class ConfigResolver {

    /** System property / environment variable naming the properties file; the launcher sets it to the file it used. */
    public static final String CONFIG_FILE_PROPERTY = "ccc.config.file";

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileDescription;
    private final Path baseDir;

    private ConfigResolver(Builder b) {
        this.systemProperties = Map.copyOf(b.systemProperties);
        this.environment = Map.copyOf(b.environment);
        this.file = new LinkedHashMap<>(b.file);
        this.fileDescription = b.fileDescription;
        this.baseDir = b.baseDir.toAbsolutePath().normalize();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A resolver over this JVM's system properties and environment, the working directory, and the properties file
     * named by {@value #CONFIG_FILE_PROPERTY} (system property or {@code CCC_CONFIG_FILE}) if one is named.
     * This is what the core WAR uses to re-validate the configuration the launcher published.
     *
     * @throws ConfigException if a file is named but cannot be read
     */
    public static ConfigResolver forCurrentProcess() {
        Builder b = builder().systemProperties(currentSystemProperties()).environment(System.getenv());
        String fileName = System.getProperty(CONFIG_FILE_PROPERTY, System.getenv(environmentName(CONFIG_FILE_PROPERTY)));
        if (fileName != null && !fileName.isBlank()) {
            b.file(Path.of(fileName));
        }
        return b.build();
    }

    /** A snapshot of {@link System#getProperties()} as a map of strings. */
    public static Map<String, String> currentSystemProperties() {
        Map<String, String> map = new HashMap<>();
        Properties p = System.getProperties();
        for (String name : p.stringPropertyNames()) {
            map.put(name, p.getProperty(name));
        }
        return map;
    }

    /** Reads a properties file as UTF-8. */
    public static Map<String, String> loadProperties(Path path) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(n -> map.put(n, p.getProperty(n)));
        return map;
    }

    /** The MicroProfile Config environment variable name of a key: non-alphanumerics to {@code _}, upper case. */
    public static String environmentName(String key) {
        return sanitize(key).toUpperCase(Locale.ROOT);
    }

    private static String sanitize(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sb.append((c < 128 && Character.isLetterOrDigit(c)) ? c : '_');
        }
        return sb.toString();
    }

    /**
     * Resolves every key.
     *
     * @throws ConfigException listing every problem, if there is any
     */
    public ResolvedConfig resolve() {
        return new Run().resolve();
    }

    private record Raw(String value, String source) {
    }

    private Raw lookup(String name) {
        String v = systemProperties.get(name);
        if (v != null) {
            return new Raw(v, "system property -D" + name);
        }
        for (String envName : new String[]{name, sanitize(name), environmentName(name)}) {
            v = environment.get(envName);
            if (v != null) {
                return new Raw(v, "environment variable " + envName);
            }
        }
        v = file.get(name);
        if (v != null) {
            return new Raw(v, fileDescription);
        }
        return null;
    }

    /** The result of resolving one name. {@code value == null} means it failed (and was reported) or is absent. */
    private record Outcome(String value, Object typed, boolean absent) {
        static final Outcome FAILED = new Outcome(null, null, false);
        static final Outcome ABSENT = new Outcome(null, null, true);

        boolean ok() {
            return value != null;
        }
    }

    /** One resolution pass: memoises each name and records every problem once, at the key where it arises. */
    private final class Run {
        private final Map<String, Outcome> done = new HashMap<>();
        private final Map<String, String> sources = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private final Deque<String> chain = new ArrayDeque<>();

        ResolvedConfig resolve() {
            Map<ConfigKey, Object> typed = new EnumMap<>(ConfigKey.class);
            Map<String, String> values = new LinkedHashMap<>();
            for (ConfigKey key : ConfigKey.values()) {
                Outcome o = resolveName(key.key());
                if (o.ok()) {
                    typed.put(key, o.typed());
                    values.put(key.key(), o.value());
                } else if (o.absent()) {
                    problems.add(key.key() + ": has no value (set it in the properties file, as environment variable "
                            + key.environmentName() + " or as -D" + key.key() + "=...)");
                }
            }
            Map<String, String> extras = new LinkedHashMap<>();
            List<String> warnings = new ArrayList<>();
            for (String name : file.keySet()) {
                if (ConfigKey.byName(name).isPresent()) {
                    continue;
                }
                Outcome o = resolveName(name);
                if (o.ok()) {
                    extras.put(name, o.value());
                }
                if (name.startsWith("ccc.")) {
                    warnings.add(name + " is not a known configuration key (a typo?); it is passed on unchecked");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new ResolvedConfig(typed, values, extras, sources, warnings);
        }

        private Outcome resolveName(String name) {
            Outcome memo = done.get(name);
            if (memo != null) {
                return memo;
            }
            if (chain.contains(name)) {
                List<String> cycle = new ArrayList<>(chain);
                Collections.reverse(cycle);
                cycle = cycle.subList(cycle.indexOf(name), cycle.size());
                problems.add(name + ": circular ${} reference " + String.join(" -> ", cycle) + " -> " + name);
                return Outcome.FAILED;
            }
            chain.push(name);
            try {
                Outcome o = compute(name);
                done.put(name, o);
                return o;
            } finally {
                chain.pop();
            }
        }

        private Outcome compute(String name) {
            ConfigKey key = ConfigKey.byName(name).orElse(null);
            Raw raw = lookup(name);
            if (raw == null) {
                if (key != null && key.type().mayBeAbsent()) {
                    return parse(key, "", "");
                }
                return Outcome.ABSENT;
            }
            sources.put(name, raw.source());
            boolean secret = key != null && key.isSecret();
            if (secret) {
                return parse(key, raw.value(), raw.source());
            }
            String expanded = expand(name, raw.value().trim(), raw.source());
            if (expanded == null) {
                return Outcome.FAILED;
            }
            return key == null ? new Outcome(expanded, expanded, false) : parse(key, expanded, raw.source());
        }

        private Outcome parse(ConfigKey key, String value, String source) {
            ValueType<?> type = key.type();
            Object typed;
            try {
                typed = type.parse(value);
            } catch (ValueType.Invalid e) {
                String shown = type.isSecret() ? "<hidden>" : "'" + value + "'";
                problems.add(key.key() + ": " + shown + " " + e.getMessage() + from(source));
                return Outcome.FAILED;
            }
            if (typed instanceof Path p) {
                typed = baseDir.resolve(p).toAbsolutePath().normalize();
            }
            return new Outcome(type.format(typed), typed, false);
        }

        /** Expands {@code ${name}} references; returns null after recording a problem, or if a reference failed. */
        private String expand(String owner, String value, String source) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < value.length()) {
                int start = value.indexOf("${", i);
                if (start < 0) {
                    out.append(value, i, value.length());
                    break;
                }
                int end = value.indexOf('}', start + 2);
                if (end < 0) {
                    problems.add(owner + ": '" + value + "' has an unclosed '${'" + from(source));
                    return null;
                }
                String ref = value.substring(start + 2, end).trim();
                if (ref.isEmpty()) {
                    problems.add(owner + ": '" + value + "' has an empty '${}' reference" + from(source));
                    return null;
                }
                if (ConfigKey.byName(ref).map(ConfigKey::isSecret).orElse(false)) {
                    problems.add(owner + ": '" + value + "' refers to the secret ${" + ref
                            + "}, which is never expanded" + from(source));
                    return null;
                }
                Outcome o = resolveName(ref);
                if (!o.ok()) {
                    // a known key without a value is reported on its own; failures were reported where they arose
                    if (o.absent() && ConfigKey.byName(ref).isEmpty()) {
                        problems.add(owner + ": '" + value + "' refers to ${" + ref + "}, which has no value"
                                + from(source));
                    }
                    return null;
                }
                out.append(value, i, start).append(o.value());
                i = end + 1;
            }
            return out.toString();
        }

        private String from(String source) {
            return source.isEmpty() ? "" : " [from " + source + "]";
        }
    }

    /** Builds a {@link ConfigResolver}; every source defaults to empty, the base directory to the working directory. */
    public static final class Builder {
        private Map<String, String> systemProperties = Map.of();
        private Map<String, String> environment = Map.of();
        private Map<String, String> file = Map.of();
        private String fileDescription = "properties file";
        private Path baseDir = Path.of("");

        private Builder() {
        }

        public Builder systemProperties(Map<String, String> systemProperties) {
            this.systemProperties = Objects.requireNonNull(systemProperties);
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        /** The file's properties, already loaded; {@code description} says where they came from in messages. */
        public Builder file(Map<String, String> properties, String description) {
            this.file = Objects.requireNonNull(properties);
            this.fileDescription = Objects.requireNonNull(description);
            return this;
        }

        /**
         * Loads the properties file.
         *
         * @throws ConfigException if it cannot be read
         */
        public Builder file(Path path) {
            try {
                return file(loadProperties(path), "file " + path.toAbsolutePath().normalize());
            } catch (IOException e) {
                throw new ConfigException(List.of("cannot read the configuration file " + path.toAbsolutePath()
                        + ": " + e));
            }
        }

        /** The directory relative paths are resolved against. */
        public Builder baseDir(Path baseDir) {
            this.baseDir = Objects.requireNonNull(baseDir);
            return this;
        }

        public ConfigResolver build() {
            return new ConfigResolver(this);
        }
    }
}
