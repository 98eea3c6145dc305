package org.creativecities.core.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.creativecities.core.identity.IdentityDtos.AccountView;
import org.creativecities.core.identity.IdentityDtos.AdminGrant;
import org.creativecities.core.identity.IdentityDtos.SuspensionRequest;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrators' view of accounts: search, network administration and suspension. */
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
    private AccountSuspensions suspensions;

    @Inject
    private AppConfig config;

    @Inject
    private TimeSource time;

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
        OffsetDateTime now = time.now();
        return request.of(accounts.search(text, request.offset(), request.size()).stream()
                .map(a -> AccountView.of(a, now)).toList(), accounts.countMatching(text));
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
        return AccountView.of(service.grantAdmin(id, body.admin()), time.now());
    }

    @PUT
    @Path("{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend an account",
            description = "Ends every session of the account at once (its live connections close with 4401) and "
                    + "refuses its sign-ins until 'until', or until the suspension is lifted when 'until' is absent. "
                    + "Replaces a suspension already in force. The reason is shown to the account's owner when they "
                    + "sign in with the right password.")
    @APIResponse(responseCode = "200", description = "The account after the change",
            content = @Content(schema = @Schema(ref = "AccountView")))
    @APIResponse(responseCode = "400", description = "No reason, or 'until' not in the future")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "An administrator cannot suspend their own account")
    public AccountView suspend(@PathParam("id") long id, SuspensionRequest body) {
        Caller.Identity who = caller.requireAdmin();
        return AccountView.of(suspensions.suspend(who, id, Optional.ofNullable(body.until()), body.reason().strip()),
                time.now());
    }

    @DELETE
    @Path("{id}/suspension")
    @Operation(summary = "Lift an account's suspension", description = "The account may sign in again. Lifting "
            + "where there is no suspension changes nothing.")
    @APIResponse(responseCode = "200", description = "The account after the change",
            content = @Content(schema = @Schema(ref = "AccountView")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "No such account")
    public AccountView lift(@PathParam("id") long id) {
        caller.requireAdmin();
        return AccountView.of(suspensions.lift(id), time.now());
    }
}
