package org.creativecities.core.plugin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.creativecities.core.city.CityService;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.core.plugin.PluginDtos.Placement;
import org.creativecities.core.plugin.PluginDtos.PluginList;
import org.creativecities.core.plugin.PluginDtos.PluginView;
import org.creativecities.core.plugin.PluginDtos.SettingsChange;
import org.creativecities.core.plugin.PluginDtos.SettingsView;
import org.creativecities.plugin.api.PluginApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Administrators manage plugins at run time: install, upgrade, start, stop, enable, disable, uninstall. What a plugin
 * says about itself is shown in the language of {@code lang}, else of {@code Accept-Language} ({@link PluginTexts}).
 */
@Path("admin/plugins")
@Tag(name = "Plugins (admin)")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@AdminOnly
public class PluginAdminResource {

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginInstaller installer;

    @Inject
    private PluginActivator activator;

    @Inject
    private PluginSettingsService settings;

    @Inject
    private CityService cities;

    @Inject
    private Caller caller;

    @Inject
    private PluginTexts texts;

    @Inject
    private HttpServletRequest request;

    private static final String LANG = "Language of the plugins' names, descriptions and setting labels (en, fr...); "
            + "else Accept-Language; English when a plugin has no text in it";

    private RequestedLanguages languages(String lang) {
        return RequestedLanguages.of(lang, request.getHeader("Accept-Language"));
    }

    private PluginView shown(PluginView view) {
        return texts.localize(view, languages(null));
    }

    @GET
    @Operation(summary = "List plugins", description = "Every installed plugin with its state, health, declared "
            + "permissions, fields and room kinds, and the jars refused at start-up. Administrators only.")
    @APIResponse(responseCode = "200", description = "The plugins",
            content = @Content(schema = @Schema(ref = "PluginList")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public PluginList list(@Parameter(description = LANG) @QueryParam("lang") String lang) {
        caller.requireAdmin();
        RequestedLanguages wanted = languages(lang);
        return new PluginList(PluginApi.VERSION, registry.list().stream().map(v -> texts.localize(v, wanted)).toList(),
                registry.refused());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One plugin")
    @APIResponse(responseCode = "200", description = "The plugin",
            content = @Content(schema = @Schema(ref = "PluginView")))
    @APIResponse(responseCode = "404", description = "Not installed")
    public PluginView get(@PathParam("id") String id,
                          @Parameter(description = LANG) @QueryParam("lang") String lang) {
        caller.requireAdmin();
        return texts.localize(registry.get(id), languages(lang));
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Install a plugin", description = "The body is the plugin jar. It is checked (manifest, "
            + "plugin-API range, dependencies, one CommonsModule extension) before it is moved into the plugins "
            + "folder; a refusal leaves nothing behind. With start=false it is installed disabled, for review.")
    @APIResponse(responseCode = "201", description = "Installed (look at state and health: it may have failed to start)",
            content = @Content(schema = @Schema(ref = "PluginView")))
    @APIResponse(responseCode = "400", description = "Not a jar, or no body")
    @APIResponse(responseCode = "409", description = "A plugin with this id is installed")
    @APIResponse(responseCode = "413", description = "The jar, or what it inflates to, is larger than the limits")
    @APIResponse(responseCode = "422", description = "Not a plugin, API range not satisfied, dependency missing or incompatible")
    public Response install(InputStream jar, @QueryParam("start") String start) {
        caller.requireAdmin();
        QueryParser p = new QueryParser();
        boolean startIt = p.optionalBoolean("start", start).orElse(true);
        p.check();
        java.nio.file.Path staged = installer.stage(jar);
        try {
            PluginView view = shown(installer.install(staged, startIt));
            return Response.status(Response.Status.CREATED).entity(view).build();
        } finally {
            PluginUploads.discard(staged);
        }
    }

    @POST
    @Path("{id}/upgrade")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Upgrade a plugin", description = "Replaces the installed jar by a newer version of the same "
            + "plugin and restarts it if it is enabled. Same or older versions need force=true. If the new version "
            + "cannot be loaded or fails to start, the old version is put back and started again, with its settings "
            + "and stored data, and the upgrade is refused.")
    @APIResponse(responseCode = "200", description = "Upgraded",
            content = @Content(schema = @Schema(ref = "PluginView")))
    @APIResponse(responseCode = "404", description = "Not installed")
    @APIResponse(responseCode = "409", description = "Not newer")
    @APIResponse(responseCode = "422", description = "Refused (see install), or the new version failed to start and "
            + "the old one was put back (the detail says why)")
    public PluginView upgrade(@PathParam("id") String id, InputStream jar, @QueryParam("force") String force) {
        caller.requireAdmin();
        QueryParser p = new QueryParser();
        boolean forced = p.optionalBoolean("force", force).orElse(false);
        p.check();
        java.nio.file.Path staged = installer.stage(jar);
        try {
            return shown(installer.upgrade(id, staged, forced));
        } finally {
            PluginUploads.discard(staged);
        }
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start a stopped plugin")
    @APIResponse(responseCode = "200", description = "The plugin (state FAILED if its start failed)",
            content = @Content(schema = @Schema(ref = "PluginView")))
    @APIResponse(responseCode = "409", description = "Disabled: enable it instead")
    public PluginView start(@PathParam("id") String id) {
        caller.requireAdmin();
        return shown(activator.start(id));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a plugin", description = "Until it is started again or the server restarts. The running "
            + "plugins that depend on it are stopped first and listed in stoppedDependents; they stay stopped until "
            + "an administrator starts them.")
    @APIResponse(responseCode = "200", description = "Stopped",
            content = @Content(schema = @Schema(ref = "PluginView")))
    public PluginView stop(@PathParam("id") String id) {
        caller.requireAdmin();
        return shown(activator.stop(id));
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a plugin", description = "Persisted; starts it now and at every server start. The "
            + "plugins that depend on it and were stopped with it are not started again: start each of them.")
    @APIResponse(responseCode = "200", description = "Enabled",
            content = @Content(schema = @Schema(ref = "PluginView")))
    public PluginView enable(@PathParam("id") String id) {
        caller.requireAdmin();
        return shown(activator.enable(id));
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a plugin", description = "Persisted; stops it and keeps it stopped across restarts. "
            + "The running plugins that depend on it are stopped first (not disabled) and listed in stoppedDependents.")
    @APIResponse(responseCode = "200", description = "Disabled",
            content = @Content(schema = @Schema(ref = "PluginView")))
    public PluginView disable(@PathParam("id") String id) {
        Caller.Identity who = caller.requireAdmin();
        return shown(activator.disable(id, "Disabled by administrator " + who.displayName() + " (account " + who.id()
                + ")."));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Uninstall a plugin", description = "Removes the jar. Its stored data and settings are kept "
            + "(a reinstall finds them) unless purge=true.")
    @APIResponse(responseCode = "204", description = "Uninstalled")
    @APIResponse(responseCode = "404", description = "Not installed")
    @APIResponse(responseCode = "409", description = "Other plugins depend on it")
    public Response uninstall(@PathParam("id") String id, @QueryParam("purge") String purge) {
        caller.requireAdmin();
        QueryParser p = new QueryParser();
        boolean purgeIt = p.optionalBoolean("purge", purge).orElse(false);
        p.check();
        installer.uninstall(id, purgeIt);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/cities")
    @Operation(summary = "Where a plugin is enabled")
    @APIResponse(responseCode = "200", description = "Network-wide, or the list of cities",
            content = @Content(schema = @Schema(ref = "Placement")))
    public Placement placement(@PathParam("id") String id) {
        caller.requireAdmin();
        PluginView v = registry.get(id);
        return new Placement(v.networkWide(), v.cities());
    }

    @PUT
    @Path("{id}/cities")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose where a plugin is enabled", description = "networkWide=true: every city; otherwise "
            + "only the listed cities. Elsewhere its city routes answer 404 and it gets no city events.")
    @APIResponse(responseCode = "200", description = "The new placement",
            content = @Content(schema = @Schema(ref = "Placement")))
    @APIResponse(responseCode = "400", description = "Missing networkWide")
    @APIResponse(responseCode = "404", description = "Unknown plugin or city")
    public Placement place(@PathParam("id") String id, Placement body) {
        caller.requireAdmin();
        if (body.networkWide() == null) {
            throw ProblemException.invalidField("networkWide", "must be true or false");
        }
        Set<String> slugs = new LinkedHashSet<>();
        List<String> given = body.cities() == null ? List.of() : body.cities();
        for (String slug : given) {
            if (cities.get(slug) != null) {
                slugs.add(slug);
            }
        }
        PluginView v = activator.place(id, body.networkWide(), slugs);
        return new Placement(v.networkWide(), v.cities());
    }

    @GET
    @Path("{id}/settings")
    @Operation(summary = "A plugin's settings", description = "Network-wide values, or with city=slug the values "
            + "that city sees. Secret values are shown as ********. Each has a label and help in the requested "
            + "language, and changeableBy: ADMIN, or CITY_COORDINATOR when the city's coordinators may change its "
            + "value too.")
    @APIResponse(responseCode = "200", description = "Each setting with its effective value and where it comes from",
            content = @Content(schema = @Schema(ref = "SettingsView")))
    public SettingsView settings(@PathParam("id") String id, @QueryParam("city") String city,
                                 @Parameter(description = LANG) @QueryParam("lang") String lang) {
        return settings.get(caller, id, city, languages(lang));
    }

    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a plugin's settings", description = "Validated against the plugin's schema; every "
            + "invalid value is listed in errors[]. A null value removes the scope's value.")
    @APIResponse(responseCode = "200", description = "The settings after the change",
            content = @Content(schema = @Schema(ref = "SettingsView")))
    @APIResponse(responseCode = "400", description = "Invalid values (errors[] names each)")
    public SettingsView changeSettings(@PathParam("id") String id, @QueryParam("city") String city,
                                       SettingsChange body) {
        return settings.put(caller, id, city, body.values(), languages(null));
    }
}
