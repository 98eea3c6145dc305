package org.creativecities.citypages.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.creativecities.citypages.app.BrandDtos.BrandEdit;
import org.creativecities.citypages.app.BrandService;
import org.creativecities.citypages.app.BrandViews;
import org.creativecities.core.city.CoordinatorOfCity;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.web.CheckedFirst;
import org.creativecities.works.web.AnonymousReads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A city's brand page: read it in the reader's language, edit it with optimistic concurrency. */
@Path("cities/{slug}/brand")
@RequestScoped
@Tag(name = "City pages", description = "What a city says about itself: description per language, banner, logo, "
        + "links, highlights; versioned")
@Produces(MediaType.APPLICATION_JSON)
public class BrandResource {

    @Inject
    private BrandService service;

    @Inject
    private BrandViews views;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "A city's brand page", description = "The description in the reader's language first "
            + "(Accept-Language), with every other language; banner, logo, links and the highlights that are still "
            + "public. The entity tag is the version, for If-None-Match and for the If-Match of an edit.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(schema = @Schema(ref = "BrandView")))
    @APIResponse(responseCode = "304", description = "Unchanged since the entity tag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such city")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context Request request) {
        anonymousReads.check(caller);
        BrandService.CityPage page = service.page(slug);
        EntityTag tag = new EntityTag(String.valueOf(page.version()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged
                : Response.ok(views.view(page, language(headers)));
        return answer.tag(tag).header("Vary", "Accept-Language, Accept-Encoding").header("Cache-Control", "no-cache").build();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Edit a city's brand page", description = "Coordinators of the city and administrators. "
            + "Absent properties stay as they are; descriptions are merged by language (an empty text removes one); "
            + "links and highlights are replaced. Banner and logo are media ids of images with alt text (empty "
            + "removes). Every edit is a new version. Send the ETag you read in If-Match: an edit of an older "
            + "version is refused with 412.")
    @APIResponse(responseCode = "200", description = "The page after the edit, with its new entity tag",
            content = @Content(schema = @Schema(ref = "BrandView")))
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field, e.g. 'links[0].url'")
    @APIResponse(responseCode = "403", description = "Not a coordinator of this city nor an administrator")
    @APIResponse(responseCode = "404", description = "No such city")
    @APIResponse(responseCode = "412", description = "The page changed since the version in If-Match")
    @SignedIn
    @CheckedFirst(CoordinatorOfCity.class)
    public Response edit(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                         @Context HttpHeaders headers, BrandEdit body) {
        Optional<Integer> basedOn = EntityTags.basedOn(ifMatch);
        BrandService.CityPage page = service.edit(caller.require(), slug, basedOn,
                body == null ? new BrandEdit(null, null, null, null, null) : body);
        return Response.ok(views.view(page, language(headers))).tag(new EntityTag(String.valueOf(page.version())))
                .header("Vary", "Accept-Language, Accept-Encoding").build();
    }

    static Optional<String> language(HttpHeaders headers) {
        return Optional.ofNullable(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
