package org.creativecities.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The type of a configuration value: how a raw string is checked and turned into a typed value.
 *
 * <p>A parser reports a bad value by throwing {@link Invalid} with a phrase that completes the sentence
 * "{@code <key>: '<value>' ...}", for example {@code is not a valid port (1-65535)}. The resolver adds the key, the
 * value (or {@code <hidden>} for secrets) and where the value came from.
 *
 * @param <T> the Java type of the parsed value
 */
public final class ValueType<T> {

    /** Thrown by a parser: the value is not acceptable. The message completes "{@code '<value>' ...}". */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Invalid(String problem) {
            super(problem, null, false, false);
        }
    }

    /** Turns a raw (already trimmed, already expanded) value into a typed value, or throws {@link Invalid}. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String raw);
    }

    /** Renders a parsed value back to the canonical string that is published (e.g. an absolute path). */
    @FunctionalInterface
    public interface Formatter<T> {
        String format(T value);
    }

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*");

    /** Any non-empty text. */
    public static final ValueType<String> TEXT = new ValueType<>("text", String.class, false, false, raw -> {
        if (raw.isEmpty()) {
            throw new Invalid("must not be empty");
        }
        return raw;
    }, v -> v);

    /** A TCP port, 1-65535. */
    public static final ValueType<Integer> PORT = integer("port", 1, 65535, "is not a valid port (1-65535)");

    /** A positive number of bytes that fits an {@code int}. */
    public static final ValueType<Integer> BYTES =
            integer("bytes", 1, Integer.MAX_VALUE, "is not a positive number of bytes (1-" + Integer.MAX_VALUE + ")");

    /** A file-system path; relative paths are resolved against the working directory and published absolute. */
    public static final ValueType<Path> PATH = new ValueType<>("path", Path.class, false, false, raw -> {
        if (raw.isEmpty()) {
            throw new Invalid("is not a path (it is empty)");
        }
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new Invalid("is not a valid path (" + e.getReason() + ")");
        }
    }, Path::toString);

    /** A JDBC URL of a database the platform runs on ({@link DatabaseKind}): {@code jdbc:h2:...} or {@code jdbc:postgresql://...}. */
    public static final ValueType<String> JDBC_URL = new ValueType<>("jdbc-url", String.class, false, false, raw -> {
        if (!raw.startsWith("jdbc:") || raw.length() == "jdbc:".length()) {
            throw new Invalid("is not a JDBC URL (it must start with 'jdbc:')");
        }
        DatabaseKind database = DatabaseKind.of(raw).orElseThrow(() -> new Invalid(
                "is not a database the platform runs on (jdbc:h2:... or jdbc:postgresql://host[:port]/database)"));
        database.problem(raw).ifPresent(problem -> {
            throw new Invalid(problem);
        });
        return raw;
    }, v -> v);

    /** An e-mail address (deliberately loose: {@code local@domain}). */
    public static final ValueType<String> EMAIL_ADDRESS = new ValueType<>("email", String.class, false, false, raw -> {
        if (!EMAIL.matcher(raw).matches()) {
            throw new Invalid("is not a valid e-mail address");
        }
        return raw;
    }, v -> v);

    /** A positive ISO-8601 duration as understood by {@link Duration#parse}, e.g. {@code PT15M} or {@code P30D}. */
    public static final ValueType<Duration> DURATION = new ValueType<>("duration", Duration.class, false, false, raw -> {
        Duration d;
        try {
            d = Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new Invalid("is not an ISO-8601 duration (e.g. PT15M, PT1H, P30D)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new Invalid("is not a positive duration (e.g. PT15M, PT1H, P30D)");
        }
        return d;
    }, Duration::toString);

    /**
     * A comma-separated list of web origins ({@code http(s)://host[:port]}), possibly empty; published normalised,
     * without spaces.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final ValueType<List<String>> ORIGINS = new ValueType<List<String>>("origins", (Class) List.class,
            false, true, ValueType::parseOrigins, list -> String.join(",", list));

    /**
     * A comma-separated list of IP address literals (no host names), possibly empty; IPv6 addresses are published
     * in the full form servlet containers report ({@code ::1} becomes {@code 0:0:0:0:0:0:0:1}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final ValueType<List<String>> IP_ADDRESSES = new ValueType<List<String>>("ip-addresses",
            (Class) List.class, false, true, ValueType::parseIpAddresses, list -> String.join(",", list));

    /** {@code true} or {@code false} (case-insensitive). */
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("boolean", Boolean.class, false, false, raw -> {
        if (raw.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (raw.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new Invalid("is not a boolean (true or false)");
    }, String::valueOf);

    /** A secret that may be empty and has no other rule. Its value is never printed. */
    public static final ValueType<String> SECRET = secret(0);

    private final String name;
    private final Class<T> javaType;
    private final boolean secret;
    private final boolean mayBeAbsent;
    private final Parser<T> parser;
    private final Formatter<T> formatter;

    private ValueType(String name, Class<T> javaType, boolean secret, boolean mayBeAbsent, Parser<T> parser,
                      Formatter<T> formatter) {
        this.name = Objects.requireNonNull(name);
        this.javaType = Objects.requireNonNull(javaType);
        this.secret = secret;
        this.mayBeAbsent = mayBeAbsent;
        this.parser = Objects.requireNonNull(parser);
        this.formatter = Objects.requireNonNull(formatter);
    }

    /** A new type; for a one-off rule that the predefined types do not cover. */
    public static <T> ValueType<T> of(String name, Class<T> javaType, Parser<T> parser, Formatter<T> formatter) {
        return new ValueType<>(name, javaType, false, false, parser, formatter);
    }

    /** A new type whose key may be absent or empty (it then resolves to the empty string, which must parse). */
    public static <T> ValueType<T> mayBeEmpty(String name, Class<T> javaType, Parser<T> parser,
                                              Formatter<T> formatter) {
        return new ValueType<>(name, javaType, false, true, parser, formatter);
    }

    /** An integer in {@code [min, max]}. */
    public static ValueType<Integer> intRange(int min, int max) {
        return integer("int", min, max, "is not an integer between " + min + " and " + max);
    }

    /** One of a fixed set of words (case-insensitive); published in lower case. */
    public static ValueType<String> oneOf(String... choices) {
        List<String> allowed = List.of(choices);
        return new ValueType<>("one-of", String.class, false, false, raw -> {
            String v = raw.toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new Invalid("is not one of " + String.join(", ", allowed));
            }
            return v;
        }, v -> v);
    }

    /**
     * A secret: never printed, not {@code ${}}-expanded, may be absent or empty (meaning "not set"); if it is set it
     * must have at least {@code minLength} characters.
     */
    public static ValueType<String> secret(int minLength) {
        return new ValueType<>("secret", String.class, true, true, raw -> {
            if (!raw.isEmpty() && raw.length() < minLength) {
                throw new Invalid("is too short (at least " + minLength
                        + " characters, or leave it empty to have one generated)");
            }
            return raw;
        }, v -> v);
    }

    private static ValueType<Integer> integer(String name, int min, int max, String problem) {
        return new ValueType<>(name, Integer.class, false, false, raw -> {
            int v;
            try {
                v = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new Invalid(problem);
            }
            if (v < min || v > max) {
                throw new Invalid(problem);
            }
            return v;
        }, String::valueOf);
    }

    private static List<String> parseOrigins(String raw) {
        if (raw.isBlank()) {
            return List.of();
        }
        List<String> origins = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw new Invalid("is not a list of origins (it has an empty entry; expected e.g. "
                        + "http://localhost:8080,https://example.org)");
            }
            origins.add(parseOrigin(item));
        }
        return List.copyOf(origins);
    }

    private static List<String> parseIpAddresses(String raw) {
        if (raw.isBlank()) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String item = part.trim();
            if (IPV4.matcher(item).matches()) {
                addresses.add(item);
            } else if (item.contains(":") && IPV6_CHARS.matcher(item).matches()) {
                try {
                    // a literal containing ':' is parsed, never looked up
                    addresses.add(InetAddress.getByName(item).getHostAddress());
                } catch (UnknownHostException e) {
                    throw new Invalid("is not a list of IP addresses: '" + item + "' is not an IP address");
                }
            } else {
                throw new Invalid("is not a list of IP addresses: '" + item + "' is not an IP address"
                        + " (expected e.g. 127.0.0.1,10.0.0.2,::1)");
            }
        }
        return List.copyOf(addresses);
    }

    private static String parseOrigin(String item) {
        String expected = " (expected http(s)://host[:port] with no path, e.g. http://localhost:8080)";
        URI uri;
        try {
            uri = new URI(item);
        } catch (URISyntaxException e) {
            throw new Invalid("is not a list of origins: '" + item + "' is not a URI" + expected);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new Invalid("is not a list of origins: '" + item + "' has no http or https scheme" + expected);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Invalid("is not a list of origins: '" + item + "' has no valid host" + expected);
        }
        boolean hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty();
        if (hasPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new Invalid("is not a list of origins: '" + item + "' has a path, query or fragment" + expected);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** A short name of the type, for documentation. */
    public String name() {
        return name;
    }

    /** The Java type of parsed values. */
    public Class<T> javaType() {
        return javaType;
    }

    /** Whether values of this type are secrets: never printed, never expanded. */
    public boolean isSecret() {
        return secret;
    }

    /** Whether a key of this type may have no value at all (it then resolves to the empty string). */
    public boolean mayBeAbsent() {
        return mayBeAbsent;
    }

    /** Parses a raw value; throws {@link Invalid} if it is not acceptable. */
    public T parse(String raw) {
        return parser.parse(raw);
    }

    /** The canonical string for a parsed value. */
    public String format(Object value) {
        return formatter.format(javaType.cast(value));
    }

    @Override
    public String toString() {
        return name;
    }
}
