package org.creativecities.plugin.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The validation rules for settings, as pure functions shared by plugins (in their unit tests) and the
 * core's admin API. Nothing here keeps state; every method is safe to call from any thread.
 */
public final class SettingsValidation {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,99}");

    /** Longest accepted canonical value, in characters. */
    public static final int MAX_LENGTH = 4000;

    private SettingsValidation() {
    }

    /**
     * The result of checking one value: its canonical form, or why it was refused.
     *
     * @param value the canonical text, present when the value is valid
     * @param error a human reason, present when it is not
     */
    public record Outcome(Optional<String> value, Optional<String> error) {

        static Outcome ok(String canonical) {
            return new Outcome(Optional.of(canonical), Optional.empty());
        }

        static Outcome refused(String reason) {
            return new Outcome(Optional.empty(), Optional.of(reason));
        }

        public boolean valid() {
            return error.isEmpty();
        }
    }

    /**
     * Checks a value against its definition and brings it into canonical form. Accepts what a JSON parser
     * hands over: a {@link String}, a {@link Number}, a {@link Boolean} or a {@link List} of those; also the
     * canonical text itself.
     */
    public static Outcome check(SettingDefinition d, Object value) {
        if (value == null) {
            return Outcome.refused("a value is required");
        }
        return switch (d.type()) {
            case STRING -> value instanceof String s ? checkString(d, s) : Outcome.refused("must be a string");
            case INTEGER -> checkInteger(d, value);
            case BOOLEAN -> checkBoolean(value);
            case ENUM -> value instanceof String s && d.options().contains(s) ? Outcome.ok(s)
                    : Outcome.refused("must be one of " + String.join(", ", d.options()));
            case LIST -> checkList(d, value);
        };
    }

    /**
     * Checks a whole set of values for a schema: unknown keys and invalid values, each reported.
     *
     * @return the errors, by key, in the order of the input; empty when everything is valid
     */
    public static Map<String, String> checkAll(List<SettingDefinition> schema, Map<String, ?> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Optional<SettingDefinition> d = schema.stream().filter(s -> s.key().equals(key)).findFirst();
            if (d.isEmpty()) {
                errors.put(key, "unknown setting");
            } else if (value != null) {
                check(d.get(), value).error().ifPresent(e -> errors.put(key, e));
            }
        });
        return errors;
    }

    /**
     * Checks a schema itself: well-formed unique keys, options for enums, patterns that compile, and
     * defaults that pass their own rules. The core refuses to start a plugin whose schema has problems.
     *
     * @return the problems, one sentence each; empty when the schema is sound
     */
    public static List<String> checkSchema(List<SettingDefinition> schema) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SettingDefinition d : schema) {
            if (!KEY.matcher(d.key()).matches()) {
                problems.add("setting key '" + d.key() + "' is not a valid key");
            }
            if (!seen.add(d.key())) {
                problems.add("setting key '" + d.key() + "' is declared twice");
            }
            if (d.type() == SettingType.ENUM && d.options().isEmpty()) {
                problems.add("enum setting '" + d.key() + "' has no options");
            }
            if (d.pattern() != null) {
                try {
                    Pattern.compile(d.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add("setting '" + d.key() + "' has an invalid pattern: " + e.getDescription());
                    continue;
                }
            }
            if (d.min() != null && d.max() != null && d.min() > d.max()) {
                problems.add("setting '" + d.key() + "' has min greater than max");
            }
            if (d.defaultValue() != null) {
                Object asInput = d.type() == SettingType.LIST ? splitList(d.defaultValue()) : d.defaultValue();
                check(d, asInput).error().ifPresent(e ->
                        problems.add("default of setting '" + d.key() + "' is invalid: " + e));
            }
        }
        return problems;
    }

    /** The elements of a canonical list value. */
    public static List<String> splitList(String canonical) {
        return canonical == null || canonical.isEmpty() ? List.of() : List.of(canonical.split("\n", -1));
    }

    private static Outcome checkString(SettingDefinition d, String s) {
        if (s.length() > MAX_LENGTH) {
            return Outcome.refused("must be at most " + MAX_LENGTH + " characters");
        }
        if (d.min() != null && s.length() < d.min()) {
            return Outcome.refused("must be at least " + d.min() + " characters");
        }
        if (d.max() != null && s.length() > d.max()) {
            return Outcome.refused("must be at most " + d.max() + " characters");
        }
        if (d.pattern() != null && !s.matches(d.pattern())) {
            return Outcome.refused("must match " + d.pattern());
        }
        return Outcome.ok(s);
    }

    private static Outcome checkInteger(SettingDefinition d, Object value) {
        long n;
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                return Outcome.refused("must be a whole number");
            }
            n = number.longValue();
        } else if (value instanceof String s && s.trim().matches("-?\\d{1,18}")) {
            n = Long.parseLong(s.trim());
        } else {
            return Outcome.refused("must be a whole number");
        }
        if (d.min() != null && n < d.min()) {
            return Outcome.refused("must be at least " + d.min());
        }
        if (d.max() != null && n > d.max()) {
            return Outcome.refused("must be at most " + d.max());
        }
        return Outcome.ok(Long.toString(n));
    }

    private static Outcome checkBoolean(Object value) {
        if (value instanceof Boolean b) {
            return Outcome.ok(b.toString());
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Outcome.ok((String) value);
        }
        return Outcome.refused("must be true or false");
    }

    private static Outcome checkList(SettingDefinition d, Object value) {
        List<?> elements;
        if (value instanceof List<?> l) {
            elements = l;
        } else if (value instanceof String s) {
            elements = splitList(s);
        } else {
            return Outcome.refused("must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof String e)) {
                return Outcome.refused("element " + i + " must be a string");
            }
            if (e.contains("\n")) {
                return Outcome.refused("element " + i + " must not contain a line break");
            }
            if (d.pattern() != null && !e.matches(d.pattern())) {
                return Outcome.refused("element " + i + " ('" + e + "') must match " + d.pattern());
            }
            if (!d.options().isEmpty() && !d.options().contains(e)) {
                return Outcome.refused("element " + i + " ('" + e + "') must be one of "
                        + String.join(", ", d.options()));
            }
            out.add(e);
        }
        if (d.min() != null && out.size() < d.min()) {
            return Outcome.refused("must have at least " + d.min() + " elements");
        }
        if (d.max() != null && out.size() > d.max()) {
            return Outcome.refused("must have at most " + d.max() + " elements");
        }
        String canonical = String.join("\n", out);
        return canonical.length() > MAX_LENGTH ? Outcome.refused("is longer than " + MAX_LENGTH + " characters")
                : Outcome.ok(canonical);
    }
}
