package org.creativecities.events.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.events.app.CalendarTokens;
import org.creativecities.events.app.EventDtos.CalendarFeed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's "my events" calendar feed: a secret URL, made or rotated on request. */
@Path("me/calendar-token")
@RequestScoped
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarTokenResource {

    @Inject
    private CalendarTokens tokens;

    @Inject
    private Caller caller;

    @POST
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Make or rotate my calendar feed's secret URL", description = "The answer's url "
            + "(/feeds/me/{token}.ics) lists the events the caller answered going, waiting or interested. It is shown "
            + "only now (only a hash is kept); calling again makes a new one and the old stops working.")
    @APIResponse(responseCode = "200", description = "The feed's URL",
            content = @Content(schema = @Schema(ref = "CalendarFeed")))
    @SignedIn
    public CalendarFeed rotate() {
        return tokens.rotate(caller.require().id());
    }
}
