package org.creativecities.core.plugin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.creativecities.core.city.CityService;
import org.creativecities.core.identity.Caller;

/**
 * The one JAX-RS entry to plugin routes. It is a sub-resource locator: it hands every request under
 * {@code /api/plugins/{pluginId}/} to a core-owned {@link PluginDispatcher}, which calls the plugin's
 * {@link org.creativecities.plugin.api.http.HttpHandler} through the supervisor. No plugin class ever
 * reaches Jersey, so routes appear and disappear with the plugin, and unloading it frees its classes.
 *
 * <p>The locators carry no OpenAPI {@code @Operation}: the routes behind them are each plugin's own (see
 * the plugin's documentation), and Payara 6.2025.10's OpenAPI generator fails on an {@code @Operation}
 * placed on a sub-resource locator.
 */
@Path("plugins/{pluginId}")
public class PluginRoutesResource {

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginFailures failures;

    @Inject
    private PluginHostConfig config;

    @Inject
    private CityService cities;

    @Inject
    private Caller caller;

    @Path("cities/{citySlug}{path: (/.*)?}")
    public PluginDispatcher inCity(@PathParam("pluginId") String pluginId, @PathParam("citySlug") String citySlug,
                                   @PathParam("path") String path, @Context HttpServletRequest request,
                                   @Context HttpHeaders headers) {
        return new PluginDispatcher(registry, failures, config, cities, caller, request, headers, pluginId, citySlug, path);
    }

    @Path("{path: .*}")
    public PluginDispatcher network(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
                                    @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return new PluginDispatcher(registry, failures, config, cities, caller, request, headers, pluginId, null, path);
    }
}
