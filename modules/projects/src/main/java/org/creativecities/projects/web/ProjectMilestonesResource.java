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
import org.creativecities.projects.app.Milestones;
import org.creativecities.projects.app.ProjectDtos.MilestoneList;
import org.creativecities.projects.app.ProjectDtos.MilestoneView;
import org.creativecities.projects.app.ProjectDtos.NewMilestone;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's milestones. */
@Path("projects/{id}/milestones")
@RequestScoped
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectMilestonesResource {

    @Inject
    private Milestones milestones;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "A project's milestones", description = "By date.")
    @APIResponse(responseCode = "200", description = "The milestones",
            content = @Content(schema = @Schema(ref = "MilestoneList")))
    @APIResponse(responseCode = "404", description = "No such project")
    public MilestoneList list(@PathParam("id") long id) {
        anonymousReads.check(caller);
        return new MilestoneList(milestones.list(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Add a milestone", description = "A lead: a title and an ISO date (2027-05-01). The "
            + "project's view shows the next one as nextMilestone.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(ref = "MilestoneView")))
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field")
    @APIResponse(responseCode = "403", description = "Not a lead")
    @APIResponse(responseCode = "404", description = "No such project")
    @SignedIn
    public Response add(@PathParam("id") long id, NewMilestone body) {
        MilestoneView added = milestones.add(caller.require(), id, body);
        return Response.created(URI.create("/api/projects/" + id + "/milestones")).entity(added).build();
    }
}
