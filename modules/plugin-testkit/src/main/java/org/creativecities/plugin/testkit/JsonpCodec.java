package org.creativecities.plugin.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.plugin.api.JsonCodec;

/**
 * A {@link JsonCodec} over JSON-P for what plugins usually store and answer: records, maps, lists, arrays,
 * strings, numbers, booleans, enums (by name), {@link Optional} (empty as {@code null}), {@code java.time} values
 * (as their ISO text) and JSON-P values themselves. Reads JSON back into records (by their components, generic
 * lists, maps and optionals included), maps, lists and the simple types. The core's codec (JSON-B) also handles
 * beans; a plugin that stores beans should test that on a server. Thread-safe.
 */
public final class JsonpCodec implements JsonCodec {

    @Override
    public String toJson(Object value) {
        return toValue(value).toString();
    }

    /** A value as JSON-P, the way {@link #toJson} writes it. */
    public JsonValue toValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue v) {
            return v;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger n) {
            return Json.createValue(n);
        }
        if (value instanceof BigDecimal n) {
            return Json.createValue(n);
        }
        if (value instanceof Number n) {
            return Json.createValue(n.doubleValue());
        }
        if (value instanceof Enum<?> e) {
            return Json.createValue(e.name());
        }
        if (value instanceof Character || value instanceof TemporalAccessor || value instanceof java.time.Duration) {
            return Json.createValue(value.toString());
        }
        if (value instanceof Optional<?> o) {
            return o.map(this::toValue).orElse(JsonValue.NULL);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            map.forEach((k, v) -> b.add(String.valueOf(k), toValue(v)));
            return b.build();
        }
        if (value instanceof Collection<?> c) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            c.forEach(v -> b.add(toValue(v)));
            return b.build();
        }
        if (value.getClass().isArray()) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                b.add(toValue(Array.get(value, i)));
            }
            return b.build();
        }
        if (value instanceof Record r) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    b.add(c.getName(), toValue(c.getAccessor().invoke(r)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalArgumentException("cannot read " + c.getName() + " of " + r.getClass(), e);
                }
            }
            return b.build();
        }
        throw new IllegalArgumentException("the test kit's JSON codec does not write " + value.getClass().getName()
                + "; use a record, a map or a list");
    }

    @Override
    public <T> T fromJson(String json, Class<T> type) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        T result = (T) read(value, type);
        return result;
    }

    private Object read(JsonValue v, Type type) {
        Class<?> raw = rawClass(type);
        if (JsonValue.class.isAssignableFrom(raw)) {
            return v;
        }
        if (raw == Optional.class) {
            return v.getValueType() == JsonValue.ValueType.NULL ? Optional.empty()
                    : Optional.of(read(v, argument(type, 0)));
        }
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException("null for a " + raw);
            }
            return null;
        }
        if (raw == Object.class) {
            return plain(v);
        }
        if (raw == String.class) {
            return expect(v, JsonString.class, raw).getString();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
                return v == JsonValue.TRUE;
            }
            throw new IllegalArgumentException("expected a boolean, not " + v);
        }
        if (raw == long.class || raw == Long.class) {
            return expect(v, JsonNumber.class, raw).longValueExact();
        }
        if (raw == int.class || raw == Integer.class) {
            return expect(v, JsonNumber.class, raw).intValueExact();
        }
        if (raw == double.class || raw == Double.class) {
            return expect(v, JsonNumber.class, raw).doubleValue();
        }
        if (raw == BigDecimal.class) {
            return expect(v, JsonNumber.class, raw).bigDecimalValue();
        }
        if (raw.isEnum()) {
            String name = expect(v, JsonString.class, raw).getString();
            for (Object c : raw.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is no " + raw.getSimpleName());
        }
        if (raw == java.time.Instant.class) {
            return java.time.Instant.parse(expect(v, JsonString.class, raw).getString());
        }
        if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
            List<Object> out = new ArrayList<>();
            for (JsonValue e : expect(v, JsonArray.class, raw)) {
                out.add(read(e, argument(type, 0)));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> out = new LinkedHashMap<>();
            expect(v, JsonObject.class, raw).forEach((k, e) -> out.put(k, read(e, argument(type, 1))));
            return out;
        }
        if (raw.isRecord()) {
            JsonObject o = expect(v, JsonObject.class, raw);
            RecordComponent[] components = raw.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = read(o.getOrDefault(components[i].getName(), JsonValue.NULL), components[i].getGenericType());
            }
            try {
                Constructor<?> c = raw.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(raw.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot create " + raw.getName(), e);
            }
        }
        throw new IllegalArgumentException("the test kit's JSON codec does not read " + raw.getName());
    }

    /** Maps, lists, strings, longs or BigDecimals, booleans and nulls. */
    private Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> read(v, Map.class);
            case ARRAY -> read(v, List.class);
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).isIntegral() ? (Object) ((JsonNumber) v).longValue()
                    : ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static <V extends JsonValue> V expect(JsonValue v, Class<V> jsonType, Class<?> target) {
        if (!jsonType.isInstance(v)) {
            throw new IllegalArgumentException("expected JSON for a " + target.getSimpleName() + ", not " + v);
        }
        return jsonType.cast(v);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }
}
