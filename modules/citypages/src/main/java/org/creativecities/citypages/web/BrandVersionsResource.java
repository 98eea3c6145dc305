package org.creativecities.citypages.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.creativecities.citypages.app.BrandDtos.PageVersionSummary;
import org.creativecities.citypages.app.BrandDtos.PageVersionView;
import org.creativecities.citypages.app.BrandService;
import org.creativecities.citypages.app.BrandViews;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.works.web.AnonymousReads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The history of a city's brand page: every edit, who made it and when, and each version's content. */
@Path("cities/{slug}/versions")
@RequestScoped
@Tag(name = "City pages")
@Produces(MediaType.APPLICATION_JSON)
public class BrandVersionsResource {

    @Inject
    private BrandService service;

    @Inject
    private BrandViews views;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "A city page's history", description = "Every version of the brand page, newest first "
            + "(at most 200), with who saved it and when.")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(schema = @Schema(ref = "PageVersionSummaryList")))
    @APIResponse(responseCode = "404", description = "No such city")
    public List<PageVersionSummary> list(@PathParam("slug") String slug) {
        anonymousReads.check(caller);
        return service.versions(slug).stream().map(views::summary).toList();
    }

    @GET
    @Path("{n}")
    @Operation(summary = "One version of a city page", description = "Its content as saved, who saved it and when.")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(ref = "PageVersionView")))
    @APIResponse(responseCode = "400", description = "Not a version number")
    @APIResponse(responseCode = "404", description = "No such city or version")
    public PageVersionView version(@PathParam("slug") String slug, @PathParam("n") String number) {
        anonymousReads.check(caller);
        QueryParser p = new QueryParser();
        int n = p.optionalInt("number", number, 1, Integer.MAX_VALUE).orElse(0);
        p.check();
        return views.version(service.version(slug, n));
    }
}
