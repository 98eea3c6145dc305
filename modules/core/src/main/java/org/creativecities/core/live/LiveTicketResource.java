package org.creativecities.core.live;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets that open one live connection: {@code ws://host/ws?ticket=...}. */
@Path("live/tickets")
@Tag(name = "Live", description = "Live rooms over WebSocket: tickets and history")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class LiveTicketResource {

    @Inject
    private LiveTickets tickets;

    @Inject
    private Caller caller;

    @POST
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Get a live ticket", description = "A single-use ticket, valid for ccc.live.ticket-ttl "
            + "(30 s by default), that authenticates one WebSocket handshake on /ws?ticket=...")
    @APIResponse(responseCode = "201", description = "The ticket",
            content = @Content(schema = @Schema(ref = "Ticket")))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "429", description = "Too many tickets for this account (ccc.live.tickets-per-minute); "
            + "see Retry-After")
    public Response issue() {
        return Response.status(Response.Status.CREATED).entity(tickets.issue(caller.require())).build();
    }
}
