package org.creativecities.works.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.works.app.WorkDtos.SaveVersion;
import org.creativecities.works.app.WorkDtos.VersionDetail;
import org.creativecities.works.app.WorkDtos.VersionView;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.app.WorkService;
import org.creativecities.works.app.WorkViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A work's history: its versions, one version, saving the live text as a version, restoring one. */
@Path("works/{id}/versions")
@RequestScoped
@Tag(name = "Works", description = "Co-created works: versions, licences, publication by consent, remix lineage")
@Produces(MediaType.APPLICATION_JSON)
public class WorkVersionsResource {

    @Inject
    private WorkService service;

    @Inject
    private WorkViews views;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "A work's history", description = "Every version, newest first.")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(schema = @Schema(ref = "VersionViewList")))
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    public List<VersionView> versions(@PathParam("id") long id) {
        anonymousReads.check(caller);
        return service.versions(caller.identity(), id).stream().map(views::version).toList();
    }

    @GET
    @Path("{n}")
    @Operation(summary = "One version, with its full content")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(ref = "VersionDetail")))
    @APIResponse(responseCode = "400", description = "Not a version number")
    @APIResponse(responseCode = "404", description = "No such work or version")
    public VersionDetail version(@PathParam("id") long id, @PathParam("n") String n) {
        anonymousReads.check(caller);
        return views.detail(service.version(caller.identity(), id, WorkResource.number("n", n)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Save the live text as a version", description = "Authors of a text work: the live "
            + "co-editing document's current text becomes the next version (nothing is written when it has not "
            + "changed). Saves through PATCH make versions too.")
    @APIResponse(responseCode = "200", description = "The work, with its latest version",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "403", description = "Not an author")
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    @APIResponse(responseCode = "409", description = "Not a text work, live co-editing is not deployed, or a "
            + "published work's text would show images without alt text")
    @SignedIn
    public WorkView saveLive(@PathParam("id") long id, SaveVersion body) {
        return views.view(caller.identity(), service.saveLive(caller.require(), id,
                body == null ? null : body.message()));
    }

    @POST
    @Path("{n}/restore")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Restore a version", description = "Authors only: the version's title and content "
            + "become a new version; nothing is lost.")
    @APIResponse(responseCode = "200", description = "Restored as a new version",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "400", description = "Not a version number")
    @APIResponse(responseCode = "403", description = "Not an author")
    @APIResponse(responseCode = "404", description = "No such work or version")
    @APIResponse(responseCode = "409", description = "The work is published and the version shows images without "
            + "alt text")
    @SignedIn
    public WorkView restore(@PathParam("id") long id, @PathParam("n") String n) {
        return views.view(caller.identity(), service.restoreVersion(caller.require(), id, WorkResource.number("n", n)));
    }
}
