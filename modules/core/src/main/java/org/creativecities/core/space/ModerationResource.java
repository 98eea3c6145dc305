package org.creativecities.core.space;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.space.SpaceDtos.ModerationBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.creativecities.core.platform.web.CheckedFirst;

/** Moderation of a room (or of its whole space) by the space's managers. */
@Path("rooms/{id}/moderation")
@Tag(name = "Moderation", description = "Mute, kick and ban; the audit log")
@SignedIn
public class ModerationResource {

    @Inject
    private ModerationService service;

    @Inject
    private Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Mute, unmute, kick, ban or unban a person", description = "In this room, or with "
            + "wholeSpace in every room of its space; mutes and bans last 'minutes' or until lifted. Kicked and "
            + "banned people leave the room's live connections at once. Every action is written to the audit log.")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "403", description = "Not a manager of the space")
    @CheckedFirst(SpaceManagers.OfRoom.class)
    public Response moderate(@PathParam("id") long id, ModerationBody body) {
        service.moderate(caller.require(), id, new ModerationService.Request(body.action(), body.accountId(),
                Boolean.TRUE.equals(body.wholeSpace()), Optional.ofNullable(body.minutes())));
        return Response.noContent().build();
    }
}
