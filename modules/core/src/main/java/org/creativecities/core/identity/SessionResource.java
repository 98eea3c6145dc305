package org.creativecities.core.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.creativecities.core.identity.IdentityDtos.AccountView;
import org.creativecities.core.identity.IdentityDtos.Credentials;
import org.creativecities.core.identity.IdentityDtos.Session;
import org.creativecities.core.identity.IdentityDtos.SignedOut;
import org.creativecities.core.platform.TimeSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing in and out. */
@Path("sessions")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    private AccountService accounts;

    @Inject
    private Caller caller;

    @Inject
    private TimeSource time;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in", description = "Returns a bearer token to send as 'Authorization: Bearer <token>'.")
    @APIResponse(responseCode = "201", description = "Signed in",
            content = @Content(schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "401", description = "Wrong email or password")
    @APIResponse(responseCode = "403", description = "The account is suspended (told only with the right password)")
    @APIResponse(responseCode = "429", description = "Too many attempts from this address, or the account is "
            + "locked for a while; see Retry-After")
    public Response signIn(Credentials body) {
        AccountService.SignedIn s = accounts.signIn(body.email(), body.password(), caller.clientAddress());
        return Response.status(Response.Status.CREATED)
                .entity(new Session(s.token(), "Bearer", s.expiresAt(), AccountView.of(s.account(), time.now())))
                .build();
    }

    @DELETE
    @Path("current")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Sign out", description = "Revokes the token used for this request.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @SignedIn
    public Response signOut() {
        accounts.signOut(caller.require());
        return Response.noContent().build();
    }

    @DELETE
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Sign out everywhere", description = "Revokes every token of the calling account.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "All sessions ended",
            content = @Content(schema = @Schema(ref = "SignedOut")))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @SignedIn
    public SignedOut signOutEverywhere() {
        return new SignedOut(accounts.signOutEverywhere(caller.require()));
    }
}
