package org.creativecities.core.plugin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityService;
import org.creativecities.core.city.CoordinatorOfCity;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.web.CheckedFirst;
import org.creativecities.core.plugin.PluginDtos.CityModuleView;
import org.creativecities.core.plugin.PluginDtos.SettingsChange;
import org.creativecities.core.plugin.PluginDtos.SettingsView;
import org.creativecities.core.plugin.PluginDtos.UiView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The domain modules a city has: the plugins that are started and enabled for it, with the browser module of
 * their city page, which the UI loads only when someone opens that page, named in the caller's language; and the
 * settings of a module that the city's coordinators may change for their city.
 */
@Path("cities/{slug}/modules")
@Tag(name = "Cities")
@Produces(MediaType.APPLICATION_JSON)
public class CityModulesResource {

    static final String LANG = "Language of the texts (en, fr...); else Accept-Language; English when a plugin has "
            + "no text in it";

    @Inject
    private PluginRegistry registry;

    @Inject
    private CityService cities;

    @Inject
    private PluginTexts texts;

    @Inject
    private PluginSettingsService settings;

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    @GET
    @Operation(summary = "The domain modules enabled for a city",
            description = "Plugins that are started and enabled for the city (or network-wide), by id. 'page' is the "
                    + "browser module and custom element of the plugin's page of the city, or null; 'roomKinds' the "
                    + "ids of the room kinds it provides, and 'kinds' the same with their names. Names and "
                    + "descriptions are in the requested language where the plugin has them. Public.")
    @APIResponse(responseCode = "200", description = "The modules",
            content = @Content(schema = @Schema(ref = "CityModuleViewList")))
    @APIResponse(responseCode = "404", description = "No such city")
    public List<CityModuleView> list(@PathParam("slug") String slug,
                                     @Parameter(description = LANG) @QueryParam("lang") String lang) {
        City city = cities.get(slug);
        RequestedLanguages wanted = RequestedLanguages.of(lang, request.getHeader("Accept-Language"));
        return registry.runningPlugins().stream()
                .filter(rt -> registry.coversCity(rt.pluginId(), city.slug()))
                .sorted(Comparator.comparing(PluginRuntime::pluginId))
                .map(rt -> view(rt, texts.of(rt.pluginId(), wanted)))
                .toList();
    }

    private static CityModuleView view(PluginRuntime rt, PluginTexts.Texts t) {
        List<PluginDtos.RoomKindView> kinds = rt.info().roomKinds().stream()
                .filter(k -> rt.code().roomKinds().contains(k.id()))
                .map(k -> t.roomKind(k.id(), k.name(), k.description())).toList();
        return new CityModuleView(rt.pluginId(), t.name(rt.info().name()), t.description(rt.info().description()),
                rt.version(), rt.info().page().map(p -> new UiView(p.url(rt.pluginId()), p.element())).orElse(null),
                kinds.stream().map(PluginDtos.RoomKindView::id).toList(), kinds);
    }

    @GET
    @Path("{pluginId}/settings")
    @SecurityRequirement(name = "bearer")
    @SignedIn
    @CheckedFirst(CoordinatorOfCity.class)
    @Operation(summary = "The settings of a module its coordinators may change for the city",
            description = "Only the settings the plugin opens to city coordinators (changeableBy CITY_COORDINATOR), "
                    + "with the values the city sees and where they come from (city, global, default). Coordinators "
                    + "of the city and administrators.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(ref = "SettingsView")))
    @APIResponse(responseCode = "403", description = "Neither a coordinator of the city nor an administrator")
    @APIResponse(responseCode = "404", description = "No such city, or the plugin is not enabled in it")
    public SettingsView citySettings(@PathParam("slug") String slug, @PathParam("pluginId") String pluginId,
                                     @Parameter(description = LANG) @QueryParam("lang") String lang) {
        return settings.getForCity(caller, slug, pluginId,
                RequestedLanguages.of(lang, request.getHeader("Accept-Language")));
    }

    @PUT
    @Path("{pluginId}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @SignedIn
    @CheckedFirst(CoordinatorOfCity.class)
    @Operation(summary = "Change a module's settings for the city",
            description = "Coordinators of the city (and administrators) set the city's values of the settings the "
                    + "plugin opens to them; any other setting is refused with 403. Validated against the schema; a "
                    + "null value removes the city's value (back to the network-wide one).")
    @APIResponse(responseCode = "200", description = "The settings after the change",
            content = @Content(schema = @Schema(ref = "SettingsView")))
    @APIResponse(responseCode = "400", description = "Invalid values (errors[] names each)")
    @APIResponse(responseCode = "403", description = "Not a coordinator of the city, or a setting only administrators "
            + "change")
    @APIResponse(responseCode = "404", description = "No such city, or the plugin is not enabled in it")
    public SettingsView changeCitySettings(@PathParam("slug") String slug, @PathParam("pluginId") String pluginId,
                                           SettingsChange body) {
        return settings.putForCity(caller, slug, pluginId, body == null ? null : body.values(),
                RequestedLanguages.of(null, request.getHeader("Accept-Language")));
    }
}
