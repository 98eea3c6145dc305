package org.creativecities.core.membership;

import jakarta.inject.Inject;
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
import java.util.List;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.membership.MembershipDtos.Member;
import org.creativecities.core.membership.MembershipDtos.MyMembership;
import org.creativecities.core.membership.MembershipDtos.RoleChange;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.creativecities.core.platform.web.CheckedFirst;
import org.creativecities.core.city.CoordinatorOfCity;

/** A city's community: its members, joining and leaving, and roles. */
@Path("cities/{slug}/members")
@Tag(name = "Communities", description = "City communities, join requests and roles")
@Produces(MediaType.APPLICATION_JSON)
public class CityMembersResource {

    @Inject
    private MembershipService service;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @GET
    @Operation(summary = "List a city's members", description = "Active members, coordinators first.")
    @APIResponse(responseCode = "200", description = "A page of members",
            content = @Content(schema = @Schema(ref = "MemberPage")))
    @APIResponse(responseCode = "404", description = "No such city")
    public Page<Member> list(@PathParam("slug") String slug, @QueryParam("role") String role,
                             @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParser p = new QueryParser();
        var roleFilter = p.optionalOneOf("role", role, List.of("MEMBER", "COORDINATOR")).map(Membership.Role::valueOf);
        PageRequest request = p.page(page, size, 50, config.pageSizeMax());
        p.check();
        return service.members(slug, roleFilter, request).map(Member::of);
    }

    @POST
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Join the city", description = "An open city admits at once (201, status ACTIVE); a city "
            + "by approval records a request for its coordinators (202, status PENDING).")
    @APIResponse(responseCode = "201", description = "Joined",
            content = @Content(schema = @Schema(ref = "MyMembership")))
    @APIResponse(responseCode = "202", description = "Request recorded, waiting for a coordinator",
            content = @Content(schema = @Schema(ref = "MyMembership")))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "409", description = "Already a member, already requested, or the city is retired")
    @SignedIn
    public Response join(@PathParam("slug") String slug) {
        Membership m = service.join(caller, slug);
        return Response.status(m.isActive() ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .entity(MyMembership.of(m)).build();
    }

    @DELETE
    @Path("me")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Leave the city, or withdraw a request")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", description = "Not a member of this city")
    @SignedIn
    public Response leave(@PathParam("slug") String slug) {
        service.leave(caller, slug);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{accountId}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Remove a member", description = "Coordinators of the city and administrators; only "
            + "administrators remove a coordinator.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Not a coordinator of this city")
    @APIResponse(responseCode = "404", description = "No such member")
    @SignedIn
    public Response remove(@PathParam("slug") String slug, @PathParam("accountId") long accountId) {
        service.remove(caller, slug, accountId);
        return Response.noContent().build();
    }

    @PUT
    @Path("{accountId}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a member's role", description = "Coordinators promote members; only administrators "
            + "demote another coordinator.")
    @APIResponse(responseCode = "200", description = "The membership after the change",
            content = @Content(schema = @Schema(ref = "Member")))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "No such active member")
    @SignedIn
    @CheckedFirst(CoordinatorOfCity.class)
    public Member assignRole(@PathParam("slug") String slug, @PathParam("accountId") long accountId,
                             RoleChange body) {
        return Member.of(service.assignRole(caller, slug, accountId, body.role()));
    }
}
