package org.creativecities.works.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.plugin.PluginWorkKinds;
import org.creativecities.works.app.WorkDtos.WorkKindList;
import org.creativecities.works.app.WorkDtos.WorkKindView;
import org.creativecities.works.domain.Work;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The kinds of work people can make now: the core's, and those of the running plugins (plugin API 1.3). */
@Path("works/kinds")
@RequestScoped
@Tag(name = "Works")
@Produces(MediaType.APPLICATION_JSON)
public class WorkKindsResource {

    @Inject
    private PluginWorkKinds pluginKinds;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "List the kinds of work",
            description = "'text' (Markdown) and 'collection' (ordered works and media), then the structured kinds of "
                    + "the running plugins, named '<pluginId>:<id>', each with the JSON Schema its content must match "
                    + "and the browser module whose element displays and edits it, named in the caller's language "
                    + "(lang, else Accept-Language) from the plugin's message bundles. Anyone may read it.")
    @APIResponse(responseCode = "200", description = "The kinds",
            content = @Content(schema = @Schema(ref = "WorkKindList")))
    public WorkKindList list(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        anonymousReads.check(caller);
        List<WorkKindView> kinds = new ArrayList<>();
        kinds.add(new WorkKindView(Work.TEXT, "Text", "A Markdown document: an essay, a story, a guide, a score's "
                + "notes. Its authors can edit it together, live.", null, null, null, null));
        kinds.add(new WorkKindView(Work.COLLECTION, "Collection", "An ordered set of works and media: an "
                + "exhibition, an anthology.", null, null, null, null));
        for (PluginWorkKinds.WorkKindInfo k : pluginKinds.running(lang, acceptLanguage)) {
            kinds.add(new WorkKindView(k.kind(), k.name(), k.description(), k.pluginId(), k.module(), k.element(),
                    k.schema()));
        }
        return new WorkKindList(List.copyOf(kinds));
    }
}
