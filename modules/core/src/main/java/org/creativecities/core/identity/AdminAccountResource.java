package org.creativecities.core.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.IdentityDtos.AccountView;
import org.creativecities.core.identity.IdentityDtos.AdminGrant;
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

/** Administrators' view of accounts. */
@Path("admin/accounts")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class AdminAccountResource {

    @Inject
    private Caller caller;

    @Inject
    private AccountRepository accounts;

    @Inject
    private AccountService service;

    @Inject
    private AppConfig config;

    @GET
    @Operation(summary = "List accounts", description = "Search by email or display name. Administrators only.")
    @APIResponse(responseCode = "200", description = "A page of accounts",
            content = @Content(schema = @Schema(ref = "AccountViewPage")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public Page<AccountView> list(@QueryParam("q") String q, @QueryParam("page") String page,
                                  @QueryParam("size") String size) {
        caller.requireAdmin();
        QueryParser p = new QueryParser();
        String text = p.optionalText("q", q, 200).orElse("");
        PageRequest request = p.page(page, size, 20, config.pageSizeMax());
        p.check();
        return request.of(accounts.search(text, request.offset(), request.size()).stream().map(AccountView::of)
                .toList(), accounts.countMatching(text));
    }

    @PUT
    @Path("{id}/admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant or withdraw network administration")
    @APIResponse(responseCode = "200", description = "The account after the change",
            content = @Content(schema = @Schema(ref = "AccountView")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "No such account")
    public AccountView setAdmin(@PathParam("id") long id, AdminGrant body) {
        Caller.Identity who = caller.requireAdmin();
        if (who.id() == id && !body.admin()) {
            throw org.creativecities.core.platform.web.ProblemException.conflict("Cannot withdraw own administration",
                    "Ask another administrator; otherwise the network could be left without one.");
        }
        return AccountView.of(service.grantAdmin(id, body.admin()));
    }
}
