package org.creativecities.core.membership;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.membership.MembershipDtos.Me;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in caller. */
@Path("me")
@Tag(name = "People")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class MeResource {

    @Inject
    private ProfileService profiles;

    @Inject
    private Caller caller;

    @GET
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "The caller's account, profile and memberships (including pending requests)")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(schema = @Schema(ref = "Me")))
    @APIResponse(responseCode = "401", description = "Not signed in")
    public Me me() {
        return profiles.me(caller);
    }

}
