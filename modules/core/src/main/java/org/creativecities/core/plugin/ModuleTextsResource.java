package org.creativecities.core.plugin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.creativecities.core.plugin.PluginDtos.ModuleText;
import org.creativecities.core.plugin.PluginDtos.ModuleTexts;
import org.creativecities.core.plugin.PluginDtos.RoomKindView;
import org.creativecities.plugin.api.MessageBundles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The names of the running plugins and of their room kinds in one language, from their message bundles: the
 * browser loads them as a catalogue so that room pages name a room's kind in the reader's language.
 */
@Path("modules/texts")
@Tag(name = "Cities")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleTextsResource {

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginTexts texts;

    @Inject
    private HttpServletRequest request;

    @GET
    @Operation(summary = "What the running plugins and their room kinds are called",
            description = "Names and descriptions of each running plugin and of each of its room kinds, by id, in "
                    + "the requested language, else English, else as the plugin declared them. Public: the same "
                    + "names are shown to every visitor of a city or a room.")
    @APIResponse(responseCode = "200", description = "The texts",
            content = @Content(schema = @Schema(ref = "ModuleTexts")))
    public ModuleTexts texts(@Parameter(description = CityModulesResource.LANG) @QueryParam("lang") String lang) {
        RequestedLanguages wanted = RequestedLanguages.of(lang, request.getHeader("Accept-Language"));
        Map<String, ModuleText> modules = new TreeMap<>();
        Map<String, ModuleText> kinds = new TreeMap<>();
        registry.runningPlugins().stream().sorted(Comparator.comparing(PluginRuntime::pluginId)).forEach(rt -> {
            PluginTexts.Texts t = texts.of(rt.pluginId(), wanted);
            modules.put(rt.pluginId(), new ModuleText(t.name(rt.info().name()),
                    t.description(rt.info().description())));
            rt.info().roomKinds().stream().filter(k -> rt.code().roomKinds().contains(k.id())).forEach(k -> {
                RoomKindView v = t.roomKind(k.id(), k.name(), k.description());
                kinds.putIfAbsent(k.id(), new ModuleText(v.name(), v.description()));
            });
        });
        return new ModuleTexts(wanted.languages().isEmpty() ? MessageBundles.ENGLISH : wanted.languages().get(0),
                modules, kinds);
    }
}
