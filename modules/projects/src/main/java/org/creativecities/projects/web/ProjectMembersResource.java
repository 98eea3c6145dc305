package org.creativecities.projects.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.projects.app.Members;
import org.creativecities.projects.app.ProjectDtos.MemberChange;
import org.creativecities.projects.app.ProjectDtos.MemberList;
import org.creativecities.projects.app.ProjectDtos.MemberRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's people: list, join requests and invitations, decisions and roles, leaving. */
@Path("projects/{id}/members")
@RequestScoped
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectMembersResource {

    @Inject
    private Members members;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "A project's people", description = "Active members with their role (lead, member), city, "
            + "expertise and languages; its leads also see pending join requests and invitations, and each person "
            + "their own.")
    @APIResponse(responseCode = "200", description = "The people",
            content = @Content(schema = @Schema(ref = "MemberList")))
    @APIResponse(responseCode = "404", description = "No such project")
    public MemberList list(@PathParam("id") long id) {
        anonymousReads.check(caller);
        return new MemberList(members.list(caller.identity(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Ask to join, or invite", description = "Without accountId (or with the caller's own), the "
            + "caller asks to join an open project (state 'requested'), or accepts their invitation. A lead naming "
            + "someone else's accountId invites them (state 'invited'), or approves their request.")
    @APIResponse(responseCode = "201", description = "A request or an invitation",
            content = @Content(schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "200", description = "An invitation accepted, or a request approved",
            content = @Content(schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "400", description = "No such account")
    @APIResponse(responseCode = "403", description = "Inviting without being a lead")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "409", description = "A closed project, or already a member, asked or invited")
    @SignedIn
    public Response add(@PathParam("id") long id, MemberRequest body) {
        Members.Added added = members.add(caller.require(), id, body == null ? null : body.accountId());
        if (!added.created()) {
            return Response.ok(added.member()).build();
        }
        return Response.created(URI.create("/api/projects/" + id + "/members/" + added.member().accountId()))
                .entity(added.member()).build();
    }

    @PATCH
    @Path("{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Decide on a request or an invitation, or change a role", description = "{\"decision\": "
            + "\"approve\" | \"decline\"} by a lead on a join request; {\"decision\": \"accept\" | \"decline\"} by "
            + "the invitee on an invitation; {\"role\": \"lead\" | \"member\"} by a lead on an active member (a "
            + "project keeps one lead at least). A declined row is removed (204).")
    @APIResponse(responseCode = "200", description = "The person's new place",
            content = @Content(schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "204", description = "Declined")
    @APIResponse(responseCode = "400", description = "Neither a known decision nor a role")
    @APIResponse(responseCode = "403", description = "Not the one to decide")
    @APIResponse(responseCode = "404", description = "No such project or person in it")
    @APIResponse(responseCode = "409", description = "Nothing to decide, or the last lead")
    @SignedIn
    public Response change(@PathParam("id") long id, @PathParam("accountId") long accountId, MemberChange body) {
        return members.change(caller.require(), id, accountId, body).map(m -> Response.ok(m).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @DELETE
    @Path("{accountId}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Leave, withdraw, or remove someone", description = "A person leaves (or withdraws their "
            + "request, or declines their invitation); a lead removes anyone. The last lead cannot leave.")
    @APIResponse(responseCode = "204", description = "Gone")
    @APIResponse(responseCode = "403", description = "Removing someone else without being a lead")
    @APIResponse(responseCode = "404", description = "No such project or person in it")
    @APIResponse(responseCode = "409", description = "The last lead")
    @SignedIn
    public Response remove(@PathParam("id") long id, @PathParam("accountId") long accountId) {
        members.remove(caller.require(), id, accountId);
        return Response.noContent().build();
    }
}
