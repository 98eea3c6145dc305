package org.creativecities.core.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses raw query parameter strings and collects every problem, so one 400 names all bad values at
 * once. Resources take query values as strings and parse them here, because a conversion failure inside
 * JAX-RS would otherwise surface as a bare 404.
 */
public final class QueryParser {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Optional<Integer> optionalInt(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max + ", was " + value));
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be a whole number, was '" + raw + "'"));
            return Optional.empty();
        }
    }

    public int intOr(String name, String raw, int fallback, int min, int max) {
        return optionalInt(name, raw, min, max).orElse(fallback);
    }

    public Optional<String> optionalMatching(String name, String raw, Pattern pattern, String expectation) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (!pattern.matcher(value).matches()) {
            errors.add(new Problem.FieldError(name, expectation + ", was '" + raw + "'"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<String> optionalText(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (value.length() > maxLength) {
            errors.add(new Problem.FieldError(name, "must be at most " + maxLength + " characters"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<String> optionalOneOf(String name, String raw, Collection<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (!allowed.contains(value)) {
            errors.add(new Problem.FieldError(name, "must be one of " + String.join(", ", allowed) + ", was '" + raw
                    + "'"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<Boolean> optionalBoolean(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Optional.of(Boolean.valueOf(value));
        }
        errors.add(new Problem.FieldError(name, "must be true or false, was '" + raw + "'"));
        return Optional.empty();
    }

    public PageRequest page(String rawPage, String rawSize, int defaultSize, int maxSize) {
        int page = intOr("page", rawPage, 1, 1, 1_000_000);
        int size = intOr("size", rawSize, Math.min(defaultSize, maxSize), 1, maxSize);
        return new PageRequest(page, size);
    }

    public void reject(String name, String message) {
        errors.add(new Problem.FieldError(name, message));
    }

    /** Throws one 400 problem listing every bad value seen so far. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Invalid query: " + String.join("; ",
                    errors.stream().map(e -> e.field() + " " + e.message()).toList()) + ".", errors);
        }
    }
}
