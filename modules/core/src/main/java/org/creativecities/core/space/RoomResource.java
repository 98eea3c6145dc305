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
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.space.SpaceDtos.RoomUpdate;
import org.creativecities.core.space.SpaceDtos.RoomView;
import org.creativecities.core.space.SpaceDtos.SpaceView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.creativecities.core.platform.web.CheckedFirst;

/** One room: its settings. Its history is {@code GET /api/rooms/{id}/history}; its live traffic is {@code /ws}. */
@Path("rooms/{id}")
@Tag(name = "Spaces", description = "City and network spaces, and their rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    @Inject
    private SpaceService service;

    @Inject
    private RoomDeletion deletion;

    @Inject
    private SpaceViews views;

    @Inject
    private Caller caller;

    @GET
    @Operation(summary = "A room")
    @APIResponse(responseCode = "200", description = "The room",
            content = @Content(schema = @Schema(ref = "RoomView")))
    @APIResponse(responseCode = "404", description = "No such room, or one the caller may not see")
    public RoomView get(@PathParam("id") long id) {
        return service.view(service.room(caller.identity(), id));
    }

    @GET
    @Path("space")
    @Operation(summary = "The room's space",
            description = "The answer of GET /api/spaces/{space} for the room's space, asked for by the room's id: a "
                    + "page that shows a room asks for the room and its space at once instead of one after the other.")
    @APIResponse(responseCode = "200", description = "The space",
            content = @Content(schema = @Schema(ref = "SpaceView")))
    @APIResponse(responseCode = "404", description = "No such room, or one the caller may not see")
    public SpaceView space(@PathParam("id") long id) {
        return views.of(service.get(caller.identity(), service.room(caller.identity(), id).space().id()));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Rename, describe, archive, lock or set slow mode on a room")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "RoomView")))
    @APIResponse(responseCode = "403", description = "Not a manager")
    @SignedIn
    @CheckedFirst(SpaceManagers.OfRoom.class)
    public RoomView update(@PathParam("id") long id, RoomUpdate body) {
        return service.view(service.updateRoom(caller.require(), id, body));
    }

    @DELETE
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete an archived room", description = "Deletes the room for good, with its messages and "
            + "events: only an archived room can be deleted, by a coordinator of its city or an administrator. People "
            + "still in it get the error frame room-deleted; the room's plugin kind hears deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not a manager")
    @APIResponse(responseCode = "404", description = "No such room, or one the caller may not see")
    @APIResponse(responseCode = "409", description = "The room is not archived")
    @SignedIn
    @CheckedFirst(SpaceManagers.OfRoom.class)
    public Response delete(@PathParam("id") long id) {
        deletion.delete(caller.require(), id);
        return Response.noContent().build();
    }
}
