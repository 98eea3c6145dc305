package org.creativecities.core.plugin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityService;
import org.creativecities.core.plugin.PluginDtos.CityModuleView;
import org.creativecities.core.plugin.PluginDtos.UiView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The domain modules a city has: the plugins that are started and enabled for it, with the browser module of
 * their city page, which the UI loads only when someone opens that page.
 */
@Path("cities/{slug}/modules")
@Tag(name = "Cities")
@Produces(MediaType.APPLICATION_JSON)
public class CityModulesResource {

    @Inject
    private PluginRegistry registry;

    @Inject
    private CityService cities;

    @GET
    @Operation(summary = "The domain modules enabled for a city",
            description = "Plugins that are started and enabled for the city (or network-wide), by id. 'page' is the "
                    + "browser module and custom element of the plugin's page of the city, or null; 'roomKinds' the "
                    + "room kinds it provides. Public.")
    @APIResponse(responseCode = "200", description = "The modules",
            content = @Content(schema = @Schema(ref = "CityModuleViewList")))
    @APIResponse(responseCode = "404", description = "No such city")
    public List<CityModuleView> list(@PathParam("slug") String slug) {
        City city = cities.get(slug);
        return registry.runningPlugins().stream()
                .filter(rt -> registry.coversCity(rt.pluginId(), city.slug()))
                .sorted(Comparator.comparing(PluginRuntime::pluginId))
                .map(rt -> new CityModuleView(rt.pluginId(), rt.info().name(), rt.info().description(), rt.version(),
                        rt.info().page().map(p -> new UiView(p.url(rt.pluginId()), p.element())).orElse(null),
                        rt.info().roomKinds().stream().map(k -> k.id())
                                .filter(id -> rt.code().roomKinds().contains(id)).toList()))
                .toList();
    }
}
