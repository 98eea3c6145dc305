package org.creativecities.core.membership;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.membership.MembershipDtos.Member;
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

/** Pending requests to join a city, for its coordinators. */
@Path("cities/{slug}/requests")
@Tag(name = "Communities")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class JoinRequestResource {

    @Inject
    private MembershipService service;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @GET
    @Operation(summary = "List pending join requests", description = "Coordinators of the city and administrators.")
    @APIResponse(responseCode = "200", description = "A page of requests",
            content = @Content(schema = @Schema(ref = "MemberPage")))
    @APIResponse(responseCode = "403", description = "Not a coordinator of this city")
    public Page<Member> list(@PathParam("slug") String slug, @QueryParam("page") String page,
                             @QueryParam("size") String size) {
        QueryParser p = new QueryParser();
        PageRequest request = p.page(page, size, 50, config.pageSizeMax());
        p.check();
        return service.requests(caller, slug, request).map(Member::of);
    }

    @POST
    @Path("{accountId}/approve")
    @Operation(summary = "Approve a join request")
    @APIResponse(responseCode = "200", description = "The new membership",
            content = @Content(schema = @Schema(ref = "Member")))
    @APIResponse(responseCode = "403", description = "Not a coordinator of this city")
    @APIResponse(responseCode = "404", description = "No pending request from this account")
    public Member approve(@PathParam("slug") String slug, @PathParam("accountId") long accountId) {
        return Member.of(service.decide(caller, slug, accountId, true));
    }

    @POST
    @Path("{accountId}/reject")
    @Operation(summary = "Reject a join request")
    @APIResponse(responseCode = "200", description = "The rejected request",
            content = @Content(schema = @Schema(ref = "Member")))
    @APIResponse(responseCode = "403", description = "Not a coordinator of this city")
    @APIResponse(responseCode = "404", description = "No pending request from this account")
    public Member reject(@PathParam("slug") String slug, @PathParam("accountId") long accountId) {
        return Member.of(service.decide(caller, slug, accountId, false));
    }
}
