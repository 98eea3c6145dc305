package org.creativecities.core.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Types the parameters. The resources take query parameters as text and parse them strictly themselves
 * (an unknown or bad value is a 400 naming it), so Payara documents them all as strings; a parameter name means
 * the same thing on every operation of this API, and this table says what it is. Path ids ({@code id},
 * {@code accountId}) are 64-bit integers.
 */
final class ParameterTypes {

    private static final Map<String, Supplier<Schema>> QUERY = Map.ofEntries(
            Map.entry("page", () -> integer(1, 1_000_000).defaultValue(1)),
            Map.entry("size", () -> integer(1, pageSizeMax())),
            Map.entry("limit", () -> integer(1, 500)),
            Map.entry("year", () -> integer(2004, 2100)),
            Map.entry("before", () -> integer(1, Integer.MAX_VALUE)),
            Map.entry("after", () -> integer(0, Integer.MAX_VALUE)),
            Map.entry("retired", ParameterTypes::bool),
            Map.entry("archived", ParameterTypes::bool),
            Map.entry("start", ParameterTypes::bool),
            Map.entry("force", ParameterTypes::bool),
            Map.entry("purge", ParameterTypes::bool),
            Map.entry("gc", ParameterTypes::bool),
            Map.entry("unread", ParameterTypes::bool),
            Map.entry("country", () -> text(2).pattern("^[A-Za-z]{2}$")),
            Map.entry("language", () -> text(6).pattern("^[a-z]{2,3}(-[A-Z]{2})?$")),
            Map.entry("role", () -> text(11).enumeration(List.of("MEMBER", "COORDINATOR"))),
            Map.entry("sort", () -> text(8).enumeration(List.of("name", "-name", "country", "-country", "year",
                    "-year"))),
            Map.entry("q", () -> text(100)),
            Map.entry("tag", () -> text(50)),
            Map.entry("field", () -> text(64)),
            Map.entry("city", () -> text(160)));

    /** Where a name means something narrower or wider on one path than in {@link #QUERY}: "path name". */
    private static final Map<String, Supplier<Schema>> ON_PATH = Map.of(
            "/api/admin/accounts q", () -> text(200),
            "/api/people field", () -> slug(),
            "/api/people city", () -> slug(),
            "/api/search q", () -> text(200),
            "/api/search field", () -> slug(),
            "/api/search city", () -> slug());

    private static final List<String> ID_PARAMETERS = List.of("id", "accountId");

    private ParameterTypes() {
    }

    static void apply(OpenAPI openAPI) {
        Operations.each(openAPI, (path, method, operation) -> {
            if (operation.getParameters() == null) {
                return;
            }
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getIn() == Parameter.In.QUERY && ON_PATH.containsKey(path + " " + parameter.getName())) {
                    parameter.setSchema(ON_PATH.get(path + " " + parameter.getName()).get());
                } else if (parameter.getIn() == Parameter.In.QUERY && QUERY.containsKey(parameter.getName())) {
                    parameter.setSchema(QUERY.get(parameter.getName()).get());
                } else if (parameter.getIn() == Parameter.In.PATH && ID_PARAMETERS.contains(parameter.getName())) {
                    parameter.setSchema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64")
                            .minimum(BigDecimal.ONE));
                } else if (parameter.getIn() == Parameter.In.PATH && parameter.getSchema() == null) {
                    parameter.setSchema(text(160));
                }
                if (parameter.getIn() == Parameter.In.QUERY) {
                    parameter.setAllowEmptyValue(null);
                    parameter.setAllowReserved(null);
                }
                parameter.setDeprecated(null);
            }
        });
    }

    private static Schema integer(int min, int max) {
        return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max));
    }

    private static Schema bool() {
        return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
    }

    private static Schema text(int maxLength) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema slug() {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).pattern("^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    private static int pageSizeMax() {
        return ConfigProvider.getConfig().getOptionalValue("ccc.limits.page-size-max", Integer.class).orElse(100);
    }
}
