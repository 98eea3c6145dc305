package org.creativecities.core.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.creativecities.core.identity.IdentityDtos.Registration;
import org.creativecities.core.identity.IdentityDtos.RegistrationReceipt;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registration of new accounts. */
@Path("accounts")
@Tag(name = "Accounts", description = "Registration, sign-in and sign-out")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    private AccountService accounts;

    @Inject
    private Caller caller;

    @POST
    @Operation(summary = "Register an account",
            description = "Always answers 202 with the same body, whether or not the email already had an account, "
                    + "so that registration cannot be used to discover who is registered. Then sign in.")
    @APIResponse(responseCode = "202", description = "Registration received",
            content = @Content(schema = @Schema(ref = "RegistrationReceipt")))
    @APIResponse(responseCode = "400", description = "Invalid email, display name or password (min. 12 characters)")
    @APIResponse(responseCode = "429", description = "Too many registrations from this address")
    public Response register(Registration body) {
        accounts.register(body.email(), body.displayName(), body.password(), caller.clientAddress());
        return Response.accepted(new RegistrationReceipt("accepted",
                "If this email can be used, the account is ready: sign in with it.")).build();
    }
}
