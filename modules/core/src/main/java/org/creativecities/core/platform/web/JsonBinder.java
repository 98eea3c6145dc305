package org.creativecities.core.platform.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps a JSON tree onto a Java type without coercion: a string is never a boolean or a number, a number never
 * a string, a fraction never a whole number, and a record takes only the properties it declares. JSON
 * {@code null} stands for "not given" (Bean Validation then decides whether the property was required),
 * except where Java cannot hold it. Every mismatch in the body is collected, named by its path, and reported
 * together as one 400 problem.
 *
 * <p>Supported: records, {@code String}, booleans, the integer types, {@code BigInteger}, {@code BigDecimal},
 * {@code double}, enums (by constant name), {@code List}, {@code Set}, {@code Collection},
 * {@code Map<String, ?>}, {@code Object} (plain Java values) and the JSON-P tree types.
 */
final class JsonBinder {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private JsonBinder() {
    }

    /** The body as an instance of {@code type}, or a 400 problem naming every mismatch. */
    static Object bind(JsonValue body, Type type) {
        if (body.getValueType() == JsonValue.ValueType.NULL) {
            throw ProblemException.invalidField(JsonPaths.ROOT, "must be a JSON "
                    + expected(raw(type)) + ", not null");
        }
        JsonBinder binder = new JsonBinder();
        Object value = binder.value(body, type, JsonPaths.ROOT);
        if (!binder.errors.isEmpty()) {
            throw binder.problem();
        }
        return value;
    }

    private ProblemException problem() {
        List<Problem.FieldError> sorted = errors.stream()
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
        boolean onlyUnknown = sorted.stream().allMatch(e -> e.message().equals(UNKNOWN));
        String detail = sorted.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        if (onlyUnknown) {
            return new ProblemException(400, "/problems/unknown-property", "Unknown property",
                    "The body has properties this operation does not take: " + sorted.stream()
                            .map(e -> "'" + e.field() + "'").collect(Collectors.joining(", ")) + ".", sorted, null);
        }
        return ProblemException.invalid(detail, sorted);
    }

    private static final String UNKNOWN = "unknown property";

    private Object refuse(String path, String message) {
        errors.add(new Problem.FieldError(path, message));
        return null;
    }

    private Object value(JsonValue v, Type type, String path) {
        Class<?> raw = raw(type);
        if (JsonValue.class.isAssignableFrom(raw)) {
            return tree(v, raw, path);
        }
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return raw.isPrimitive() ? refuse(path, "must not be null") : null;
        }
        if (raw == String.class) {
            return v instanceof JsonString s ? s.getString() : refuse(path, "must be a string");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE
                    : refuse(path, "must be true or false");
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            return v instanceof JsonNumber n ? number(n.bigDecimalValue(), raw, path) : refuse(path, "must be a number");
        }
        if (raw.isEnum()) {
            return enumValue(v, raw, path);
        }
        if (raw == OffsetDateTime.class) {
            return dateTime(v, path);
        }
        if (raw.isRecord()) {
            return v instanceof JsonObject o ? record(o, raw, path) : refuse(path, "must be a JSON object");
        }
        if (raw == List.class || raw == Collection.class || raw == Set.class) {
            return collection(v, type, raw, path);
        }
        if (raw == Map.class) {
            return map(v, type, path);
        }
        if (raw == Object.class) {
            return plain(v);
        }
        throw new IllegalStateException("A request body may not contain a " + raw.getSimpleName());
    }

    private Object tree(JsonValue v, Class<?> raw, String path) {
        if (v.getValueType() == JsonValue.ValueType.NULL && raw != JsonValue.class) {
            return null;
        }
        return raw.isInstance(v) ? v : refuse(path, "must be a JSON " + expected(raw));
    }

    private Object number(BigDecimal n, Class<?> raw, String path) {
        if (raw == BigDecimal.class || raw == Number.class) {
            return n;
        }
        if (raw == Double.class || raw == double.class) {
            return n.doubleValue();
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            return refuse(path, "must be a whole number");
        }
        BigInteger whole = n.toBigIntegerExact();
        if (raw == BigInteger.class) {
            return whole;
        }
        long min;
        long max;
        if (raw == Integer.class || raw == int.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (raw == Long.class || raw == long.class) {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        } else if (raw == Short.class || raw == short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else {
            throw new IllegalStateException("A request body may not contain a " + raw.getSimpleName());
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            return refuse(path, "must be a whole number between " + min + " and " + max);
        }
        long l = whole.longValue();
        return raw == Long.class || raw == long.class ? (Object) l
                : raw == Integer.class || raw == int.class ? (Object) (int) l : (Object) (short) l;
    }

    private Object dateTime(JsonValue v, String path) {
        if (v instanceof JsonString s && s.getString().length() <= 64) {
            try {
                return OffsetDateTime.parse(s.getString());
            } catch (DateTimeParseException e) {
                // refused below, with the expected form
            }
        }
        return refuse(path, "must be a date and time with its offset, such as 2027-01-31T18:00:00Z");
    }

    private Object enumValue(JsonValue v, Class<?> raw, String path) {
        Object[] constants = raw.getEnumConstants();
        if (v instanceof JsonString s) {
            for (Object c : constants) {
                if (((Enum<?>) c).name().equals(s.getString())) {
                    return c;
                }
            }
        }
        return refuse(path, "must be one of " + Arrays.stream(constants).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ")));
    }

    private Object record(JsonObject o, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            index.put(jsonName(type, components[i]), i);
        }
        for (String key : o.keySet()) {
            if (!index.containsKey(key)) {
                refuse(JsonPaths.property(path, key), UNKNOWN);
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int before = errors.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String name = jsonName(type, c);
            String at = JsonPaths.property(path, name);
            JsonValue given = o.get(name);
            if (given == null) {
                args[i] = c.getType().isPrimitive() ? refuse(at, "missing") : null;
            } else {
                args[i] = value(given, c.getGenericType(), at);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return construct(type, types, args, path);
    }

    private Object construct(Class<?> type, Class<?>[] types, Object[] args, String path) {
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            if (e.getCause() instanceof IllegalArgumentException) {
                return refuse(path, "not a valid combination of values");
            }
            throw new IllegalStateException("Cannot create the body " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the body " + type.getSimpleName(), e);
        }
    }

    private static String jsonName(Class<?> type, RecordComponent c) {
        try {
            JsonbProperty renamed = type.getDeclaredField(c.getName()).getAnnotation(JsonbProperty.class);
            return renamed == null || renamed.value().isEmpty() ? c.getName() : renamed.value();
        } catch (NoSuchFieldException e) {
            return c.getName();
        }
    }

    private Object collection(JsonValue v, Type type, Class<?> raw, String path) {
        if (!(v instanceof JsonArray array)) {
            return refuse(path, "must be a JSON array");
        }
        Type element = argument(type, 0);
        Collection<Object> out = raw == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(value(array.get(i), element, JsonPaths.element(path, i)));
        }
        return out;
    }

    private Object map(JsonValue v, Type type, String path) {
        if (!(v instanceof JsonObject object)) {
            return refuse(path, "must be a JSON object");
        }
        if (raw(argument(type, 0)) != String.class && raw(argument(type, 0)) != Object.class) {
            throw new IllegalStateException("A request body map must have string keys");
        }
        Type valueType = argument(type, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        object.forEach((k, e) -> out.put(k, value(e, valueType, JsonPaths.property(path, k))));
        return out;
    }

    /** What JSON-B hands over for {@code Object}: strings, BigDecimals, booleans, nulls, lists and maps. */
    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                v.asJsonArray().forEach(e -> list.add(plain(e)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                v.asJsonObject().forEach((k, e) -> map.put(k, plain(e)));
                yield map;
            }
        };
    }

    private static Type argument(Type type, int i) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static String expected(Class<?> raw) {
        if (raw == JsonArray.class || Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (raw == JsonString.class || raw == String.class) {
            return "string";
        }
        if (raw == JsonNumber.class) {
            return "number";
        }
        return raw == JsonValue.class ? "value" : "object";
    }
}
