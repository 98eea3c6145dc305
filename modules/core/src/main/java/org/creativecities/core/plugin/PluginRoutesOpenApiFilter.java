package org.creativecities.core.plugin;

import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Describes the plugin routes in the OpenAPI document. They are served by a sub-resource locator
 * ({@link PluginRoutesResource}) that Payara's scanner cannot describe (it writes the JAX-RS regex templates as
 * paths, with undeclared parameters, and logs errors), so the scan excludes it (META-INF/microprofile-config.properties)
 * and this filter writes the two paths, with every parameter declared. Each route behind them belongs to a plugin;
 * the document says so, and where to look. They are the rule for every plugin; each running plugin's own routes are
 * added when the document is served ({@code org.creativecities.core.openapi.PluginPathsFilter}), as copies of these
 * operations.
 */
public class PluginRoutesOpenApiFilter implements OASFilter {

    public static final String NETWORK = "/api/plugins/{pluginId}/{route}";
    public static final String IN_CITY = "/api/plugins/{pluginId}/cities/{citySlug}/{route}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem(NETWORK, item(false));
        openAPI.getPaths().addPathItem(IN_CITY, item(true));
    }

    private static PathItem item(boolean inCity) {
        PathItem item = OASFactory.createPathItem();
        item.addParameter(path("pluginId", "The plugin's id, e.g. film"));
        if (inCity) {
            item.addParameter(path("citySlug", "The city's slug"));
        }
        item.addParameter(path("route", "The plugin's route; it may span several segments (a/b/c)"));
        for (PathItem.HttpMethod method : List.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST,
                PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE)) {
            item.setOperation(method, operation(method, inCity));
        }
        return item;
    }

    private static Parameter path(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true).description(description)
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).minLength(1));
    }

    private static Operation operation(PathItem.HttpMethod method, boolean inCity) {
        String verb = method.name().charAt(0) + method.name().substring(1).toLowerCase(Locale.ROOT);
        Operation operation = OASFactory.createOperation()
                .operationId("pluginRoute" + verb + (inCity ? "InCity" : ""))
                .summary(method + " a plugin's route" + (inCity ? " in one city" : ""))
                .description("Answered by the plugin's own HTTP handler (see the plugin's documentation) if the "
                        + "plugin runs" + (inCity ? " and is enabled in that city" : "") + "; otherwise 404. "
                        + "Failures and time-outs of the plugin answer 502 or 504 as problem documents.")
                .addTag("Plugin routes")
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("default", OASFactory.createAPIResponse().description("The plugin's answer"))
                        .addAPIResponse("404", OASFactory.createAPIResponse()
                                .description("No such plugin or route, not running, or not enabled here"))
                        .addAPIResponse("502", OASFactory.createAPIResponse().description("The plugin failed"))
                        .addAPIResponse("504", OASFactory.createAPIResponse()
                                .description("The plugin did not answer in time")));
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            operation.requestBody(OASFactory.createRequestBody().description("Passed to the plugin as it is")
                    .content(OASFactory.createContent().addMediaType("*/*", OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary")))));
        }
        return operation;
    }
}
