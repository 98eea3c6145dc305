package org.creativecities.core.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every operation shares, written once: each error answer is an RFC 9457 problem document
 * ({@code Problem} schema); a secured operation answers 401 to anonymous callers, and 403 unless its
 * {@value #ACCESS} extension says any signed-in caller may use it; an operation that takes a body requires it
 * and answers 413 and 415; every one answers 400 (an unknown query parameter is refused everywhere); one with path
 * parameters answers 404.
 */
final class StandardResponses {

    /** Operation extension naming who may call it: {@code public}, {@code signed-in} or {@code restricted}. */
    static final String ACCESS = "x-ccc-access";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    /** Plugin routes pass their query and body to the plugin, which answers for them. */
    private static final String PLUGIN_ROUTES = "/api/plugins/";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid input: a malformed or invalid body or parameter, or an unknown query parameter "
                    + "(errors[] names each)",
            "401", "Not signed in, or the token is unknown, expired or revoked",
            "403", "Signed in, but without the right to do this",
            "404", "Not found",
            "413", "The request body is larger than the limit (ccc.limits.request-body-max)",
            "415", "The body is not of the documented media type",
            "429", "Too many requests; see Retry-After");

    private StandardResponses() {
    }

    static void apply(OpenAPI openAPI) {
        addProblemSchema(openAPI);
        Operations.each(openAPI, (path, method, operation) -> complete(openAPI, path, operation));
    }

    private static void complete(OpenAPI openAPI, String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (isSecured(openAPI, operation)) {
            ensure(responses, "401");
            if (!"signed-in".equals(access(operation))) {
                ensure(responses, "403");
            }
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setRequired(true);
            describeBinary(operation.getRequestBody().getContent());
            ensure(responses, "400");
            ensure(responses, "413");
            ensure(responses, "415");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!path.startsWith(PLUGIN_ROUTES)) {
            ensure(responses, "400");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            ensure(responses, "404");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
    }

    /** A {@code byte[]} body is the file itself, not a JSON array. */
    private static void describeBinary(Content content) {
        if (content != null && content.hasMediaType("application/octet-stream")) {
            content.getMediaType("application/octet-stream").setSchema(OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING).format("binary"));
        }
    }

    private static boolean isSecured(OpenAPI openAPI, Operation operation) {
        if (operation.getSecurity() != null) {
            return !operation.getSecurity().isEmpty();
        }
        return openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
    }

    private static String access(Operation operation) {
        Map<String, Object> extensions = operation.getExtensions();
        Object value = extensions == null ? null : extensions.get(ACCESS);
        return value == null ? null : value.toString();
    }

    private static void ensure(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
        }
    }

    static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static void addProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field, query parameter or path of the value"))
                .addProperty("message", string("Why it was refused"))
                .required(List.of("field", "message"));
        Schema problem = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem details document")
                .addProperty("type", string("A URI reference naming the kind of problem"))
                .addProperty("title", string("A short summary of that kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", string("What went wrong in this occurrence"))
                .addProperty("instance", string("The request path"))
                .addProperty("requestId", string("The id of the request, also sent as X-Request-Id"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
        openAPI.getComponents().addSchema(PROBLEM, problem);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
