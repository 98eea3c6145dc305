package org.creativecities.projects.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.projects.app.Matching;
import org.creativecities.projects.app.Needs;
import org.creativecities.projects.app.ProjectDtos.MatchList;
import org.creativecities.projects.app.ProjectDtos.NeedList;
import org.creativecities.projects.app.ProjectDtos.NeedView;
import org.creativecities.projects.app.ProjectDtos.NewNeed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Looking for expertise": a project's needs, and the people the expertise directory suggests for each. */
@Path("projects/{id}/needs")
@RequestScoped
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectNeedsResource {

    @Inject
    private Needs needs;

    @Inject
    private Matching matching;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "A project's needs for expertise", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The needs",
            content = @Content(schema = @Schema(ref = "NeedList")))
    @APIResponse(responseCode = "404", description = "No such project")
    public NeedList list(@PathParam("id") long id) {
        anonymousReads.check(caller);
        return new NeedList(needs.list(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Post a need", description = "A lead: skill (e.g. 'sound designer'), an optional "
            + "description, fields (slugs; the project's when none), languages (codes such as 'fr') and an optional "
            + "city (a slug).")
    @APIResponse(responseCode = "201", description = "Posted",
            content = @Content(schema = @Schema(ref = "NeedView")))
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field")
    @APIResponse(responseCode = "403", description = "Not a lead")
    @APIResponse(responseCode = "404", description = "No such project")
    @SignedIn
    public Response post(@PathParam("id") long id, NewNeed body) {
        NeedView need = needs.post(caller.require(), id, body);
        return Response.created(URI.create("/api/projects/" + id + "/needs/" + need.id())).entity(need).build();
    }

    @GET
    @Path("{n}/matches")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "People who match a need", description = "The project's members: up to 50 people of the "
            + "expertise directory, best first, scored by skill (8; accents, case and near-synonyms folded), each "
            + "shared field (3), a shared language (2) and the need's city (1). The project's members are left out; "
            + "a lead invites a match with POST /api/projects/{id}/members.")
    @APIResponse(responseCode = "200", description = "The matches",
            content = @Content(schema = @Schema(ref = "MatchList")))
    @APIResponse(responseCode = "403", description = "Not a member of the project")
    @APIResponse(responseCode = "404", description = "No such project or need")
    @SignedIn
    public MatchList matches(@PathParam("id") long id, @PathParam("n") long n) {
        return new MatchList(matching.matches(needs.forMatching(caller.require(), id, n)));
    }
}
