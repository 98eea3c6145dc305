package org.creativecities.core.space;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.web.CheckedFirst;
import org.creativecities.core.space.SpaceDtos.SanctionExtension;
import org.creativecities.core.space.SpaceDtos.SanctionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mutes and bans that hold in a room, for its space's managers: listed, extended and lifted. */
@Path("rooms/{id}/moderation/sanctions")
@Tag(name = "Moderation", description = "Mute, kick and ban; the audit log")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class SanctionResource {

    @Inject
    private SanctionService service;

    @Inject
    private Caller caller;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The mutes and bans that hold in a room", description = "The room's own and those of its "
            + "whole space (without roomId), oldest first: who, until when (no until: until lifted), imposed by whom.")
    @APIResponse(responseCode = "200", description = "The sanctions",
            content = @Content(schema = @Schema(ref = "SanctionViewList")))
    @APIResponse(responseCode = "403", description = "Not a manager of the space")
    @APIResponse(responseCode = "404", description = "No such room, or one the caller may not see")
    @CheckedFirst(SpaceManagers.OfRoom.class)
    public List<SanctionView> list(@PathParam("id") long id) {
        return service.ofRoom(caller.require(), id);
    }

    @PATCH
    @Path("{sanctionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Extend a mute or ban", description = "Its end moves later by 'minutes'. One that lasts "
            + "until lifted cannot be extended. Any sanction of the room's space (space-wide ones too).")
    @APIResponse(responseCode = "200", description = "The sanction, extended",
            content = @Content(schema = @Schema(ref = "SanctionView")))
    @APIResponse(responseCode = "400", description = "Bad minutes, or a sanction without an end")
    @APIResponse(responseCode = "403", description = "Not a manager of the space")
    @APIResponse(responseCode = "404", description = "No such sanction holds in this room's space")
    @CheckedFirst(SpaceManagers.OfRoom.class)
    public SanctionView extend(@PathParam("id") long id, @PathParam("sanctionId") long sanctionId,
                               SanctionExtension body) {
        return service.extend(caller.require(), id, sanctionId, body.minutes());
    }

    @DELETE
    @Path("{sanctionId}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Lift a mute or ban", description = "Any sanction of the room's space (space-wide ones "
            + "too); the person may post (or read) again at once.")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "403", description = "Not a manager of the space")
    @APIResponse(responseCode = "404", description = "No such sanction holds in this room's space")
    @CheckedFirst(SpaceManagers.OfRoom.class)
    public Response lift(@PathParam("id") long id, @PathParam("sanctionId") long sanctionId) {
        service.lift(caller.require(), id, sanctionId);
        return Response.noContent().build();
    }
}
