package org.creativecities.core.openapi;

import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.creativecities.core.activity.ActivityDtos;
import org.creativecities.core.city.CityDtos;
import org.creativecities.core.city.CitySeedImporter;
import org.creativecities.core.identity.IdentityDtos;
import org.creativecities.core.live.LiveTickets;
import org.creativecities.core.live.MentionResource;
import org.creativecities.core.membership.MembershipDtos;
import org.creativecities.core.plugin.PluginDtos;
import org.creativecities.core.space.SpaceDtos;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes the schema of every request and response body from its Java record, as JSON-B reads and writes it
 * (nulls left out, unknown properties refused), with the record's Bean Validation constraints
 * ({@link Constraints}). Payara's scanner gets these wrong (64-bit integers as numbers, times as objects, a limit
 * of zero properties on inline schemas, one schema for two records of the same simple name), so these replace
 * its component schemas. A schema is named after its record; where two records share a simple name, after their
 * holder too ({@code SpaceRoomKindView}). Resources refer to these names in {@code @Schema(ref = ...)}. The contexts
 * beside the core add theirs through {@link ApiBodies}.
 */
final class RecordSchemas {

    /** The classes whose nested records are the API's request and response bodies. */
    private static final List<Class<?>> HOLDERS = List.of(IdentityDtos.class, CityDtos.class,
            MembershipDtos.class, SpaceDtos.class, PluginDtos.class, ActivityDtos.class);
    /** Bodies declared elsewhere, by schema name. */
    private static final Map<String, Class<?>> OTHERS = Map.of(
            "Ticket", LiveTickets.Ticket.class,
            "CityImportResult", CitySeedImporter.Result.class,
            "MentionView", MentionResource.MentionView.class);

    private final Map<Class<?>, String> names = new LinkedHashMap<>();
    private final Map<String, Schema> written = new LinkedHashMap<>();

    private RecordSchemas() {
        Map<String, Integer> simpleNames = new HashMap<>();
        List<Class<?>> records = new ArrayList<>();
        List<ApiBodies> contexts = ServiceLoader.load(ApiBodies.class, RecordSchemas.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        List<Class<?>> holders = new ArrayList<>(HOLDERS);
        contexts.forEach(c -> holders.addAll(c.holders()));
        for (Class<?> holder : holders) {
            for (Class<?> nested : holder.getDeclaredClasses()) {
                if (nested.isRecord()) {
                    records.add(nested);
                    simpleNames.merge(nested.getSimpleName(), 1, Integer::sum);
                }
            }
        }
        for (Class<?> record : records) {
            String simple = record.getSimpleName();
            names.put(record, simpleNames.get(simple) > 1
                    ? record.getEnclosingClass().getSimpleName().replace("Dtos", "") + simple : simple);
        }
        OTHERS.forEach((name, type) -> names.put(type, name));
        contexts.forEach(c -> c.records().forEach((name, type) -> names.put(type, name)));
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        RecordSchemas schemas = new RecordSchemas();
        for (Class<?> record : List.copyOf(schemas.names.keySet())) {
            schemas.ref(record);
        }
        schemas.written.forEach(openAPI.getComponents()::addSchema);
    }

    /** A reference to the record's schema, writing it (and those it refers to) the first time. */
    private Schema ref(Class<?> record) {
        String name = names.computeIfAbsent(record, r -> names.containsValue(r.getSimpleName())
                ? r.getEnclosingClass().getSimpleName() + r.getSimpleName() : r.getSimpleName());
        if (!written.containsKey(name)) {
            Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(false);
            written.put(name, schema);
            describe(record, schema);
        }
        return OASFactory.createSchema().ref(name);
    }

    private void describe(Class<?> record, Schema schema) {
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Field field = field(record, component);
            Schema property = schema(component.getAnnotatedType());
            if (field != null && Constraints.apply(field, component.getType(), property)) {
                required.add(component.getName());
            }
            schema.addProperty(component.getName(), property);
        }
        if (!required.isEmpty()) {
            schema.setRequired(required);
        }
    }

    private Schema schema(AnnotatedType annotated) {
        Class<?> type = raw(annotated.getType());
        Schema s = OASFactory.createSchema();
        if (type == String.class || type == char.class || type == Character.class) {
            s.type(Schema.SchemaType.STRING);
        } else if (type == boolean.class || type == Boolean.class) {
            s.type(Schema.SchemaType.BOOLEAN);
        } else if (type == long.class || type == Long.class) {
            s.type(Schema.SchemaType.INTEGER).format("int64");
        } else if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            s.type(Schema.SchemaType.INTEGER).format("int32");
        } else if (type == BigInteger.class) {
            s.type(Schema.SchemaType.INTEGER);
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            s.type(Schema.SchemaType.NUMBER);
        } else if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
            s.type(Schema.SchemaType.STRING).format("date-time");
        } else if (type == LocalDate.class) {
            s.type(Schema.SchemaType.STRING).format("date");
        } else if (type.isEnum()) {
            s.type(Schema.SchemaType.STRING).enumeration(Arrays.stream(type.getEnumConstants())
                    .map(c -> (Object) ((Enum<?>) c).name()).toList());
        } else if (annotated instanceof AnnotatedArrayType array) {
            s.type(Schema.SchemaType.ARRAY).items(schema(array.getAnnotatedGenericComponentType()));
        } else if (Collection.class.isAssignableFrom(type)) {
            s.type(Schema.SchemaType.ARRAY).items(argument(annotated, 0));
        } else if (Map.class.isAssignableFrom(type)) {
            s.type(Schema.SchemaType.OBJECT).additionalPropertiesSchema(argument(annotated, 1));
        } else if (type.isRecord()) {
            return ref(type);
        }
        return s;
    }

    private Schema argument(AnnotatedType annotated, int index) {
        if (annotated instanceof AnnotatedParameterizedType p && p.getAnnotatedActualTypeArguments().length > index) {
            AnnotatedType argument = p.getAnnotatedActualTypeArguments()[index];
            Schema items = schema(argument);
            if (items.getRef() == null) {
                Constraints.apply(argument, raw(argument.getType()), items);
            }
            return items;
        }
        return OASFactory.createSchema();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
