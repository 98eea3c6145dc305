package org.creativecities.core.plugin;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Describes the plugin routes in the OpenAPI document. They are served by a sub-resource locator, whose
 * target Payara cannot annotate, and each route behind it belongs to a plugin; the document says so,
 * and where to look.
 */
public class PluginRoutesOpenApiFilter implements OASFilter {

    private static final String PREFIX = "/api/plugins/{pluginId}/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(PREFIX)) {
                boolean inCity = path.startsWith(PREFIX + "cities/");
                item.getOperations().forEach((method, operation) -> describe(operation, method, inCity));
            }
        });
    }

    private static void describe(Operation operation, PathItem.HttpMethod method, boolean inCity) {
        operation.setSummary(method + " a plugin's route" + (inCity ? " in one city" : ""));
        operation.setDescription("Answered by the plugin's own HTTP handler (see the plugin's documentation) if the "
                + "plugin runs" + (inCity ? " and is enabled in that city" : "") + "; otherwise 404. Failures and "
                + "time-outs of the plugin answer 502 or 504 as problem documents.");
        operation.addTag("Plugin routes");
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null
                || operation.getResponses().getAPIResponses().isEmpty()) {
            operation.setResponses(OASFactory.createAPIResponses()
                    .addAPIResponse("default", OASFactory.createAPIResponse().description("The plugin's answer"))
                    .addAPIResponse("404", OASFactory.createAPIResponse()
                            .description("No such plugin, not running, or not enabled here")));
        }
    }
}
