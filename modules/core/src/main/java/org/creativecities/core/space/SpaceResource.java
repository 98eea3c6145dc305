package org.creativecities.core.space;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.core.space.SpaceDtos.NewRoom;
import org.creativecities.core.space.SpaceDtos.NewSpace;
import org.creativecities.core.space.SpaceDtos.RoomKindView;
import org.creativecities.core.space.SpaceDtos.RoomView;
import org.creativecities.core.space.SpaceDtos.SanctionView;
import org.creativecities.core.space.SpaceDtos.SpaceUpdate;
import org.creativecities.core.space.SpaceDtos.SpaceView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.creativecities.core.platform.web.CheckedFirst;

/** Spaces and the rooms in them. */
@Path("spaces")
@Tag(name = "Spaces", description = "City and network spaces, and their rooms")
@Produces(MediaType.APPLICATION_JSON)
public class SpaceResource {

    @Inject
    private SpaceService service;

    @Inject
    private SpaceViews views;

    @Inject
    private SanctionService sanctions;

    @Inject
    private Caller caller;

    @GET
    @Operation(summary = "List the spaces the caller can see",
            description = "Filter by city slug or by field slug (network spaces). Members-only spaces are listed "
                    + "to their members only. With rooms=true, each space carries its rooms that are not archived "
                    + "(as GET /api/spaces/{id}/rooms answers them), so that a page asks once instead of once per "
                    + "space.")
    @APIResponse(responseCode = "200", description = "The spaces",
            content = @Content(schema = @Schema(ref = "SpaceViewList")))
    @APIResponse(responseCode = "404", description = "No such city or field")
    public List<SpaceView> list(@QueryParam("city") String city, @QueryParam("field") String field,
                                @QueryParam("archived") String archived, @QueryParam("rooms") String rooms) {
        QueryParser p = new QueryParser();
        Optional<String> citySlug = p.optionalText("city", city, 160);
        Optional<String> fieldSlug = p.optionalText("field", field, 64);
        boolean includeArchived = p.optionalBoolean("archived", archived).orElse(false);
        boolean withRooms = p.optionalBoolean("rooms", rooms).orElse(false);
        p.check();
        List<Space> found = service.list(caller.identity(), citySlug, fieldSlug, includeArchived);
        return withRooms ? views.withRooms(found) : found.stream().map(views::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A space")
    @APIResponse(responseCode = "200", description = "The space",
            content = @Content(schema = @Schema(ref = "SpaceView")))
    @APIResponse(responseCode = "404", description = "No such space, or one the caller may not see")
    public SpaceView get(@PathParam("id") long id) {
        return views.of(service.get(caller.identity(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a space", description = "A city space (coordinators of the city, administrators) "
            + "or a network space of a field (administrators).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "SpaceView")))
    @APIResponse(responseCode = "403", description = "Not a manager")
    @SignedIn
    public Response create(NewSpace body) {
        Space space = service.create(caller.require(), body);
        return Response.status(Response.Status.CREATED).entity(views.of(space)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Rename, change the visibility of, archive or restore a space")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "SpaceView")))
    @APIResponse(responseCode = "403", description = "Not a manager")
    @SignedIn
    @CheckedFirst(SpaceManagers.OfSpace.class)
    public SpaceView update(@PathParam("id") long id, SpaceUpdate body) {
        return views.of(service.update(caller.require(), id, body));
    }

    @GET
    @Path("{id}/rooms")
    @Operation(summary = "The rooms of a space")
    @APIResponse(responseCode = "200", description = "The rooms",
            content = @Content(schema = @Schema(ref = "RoomViewList")))
    @APIResponse(responseCode = "404", description = "No such space, or one the caller may not see")
    public List<RoomView> rooms(@PathParam("id") long id, @QueryParam("archived") String archived) {
        QueryParser p = new QueryParser();
        boolean includeArchived = p.optionalBoolean("archived", archived).orElse(false);
        p.check();
        return service.rooms(caller.identity(), id, includeArchived).stream().map(service::view).toList();
    }

    @GET
    @Path("{id}/room-kinds")
    @Operation(summary = "The kinds of room that can be created in a space now",
            description = "Always 'discussion'; plus each plugin room kind whose plugin is started and enabled for "
                    + "the space's city (network-wide for a network space). 'ui' names the browser module and "
                    + "element of a plugin kind's rooms.")
    @APIResponse(responseCode = "200", description = "The kinds",
            content = @Content(schema = @Schema(ref = "SpaceRoomKindViewList")))
    @APIResponse(responseCode = "404", description = "No such space, or one the caller may not see")
    public List<RoomKindView> roomKinds(@PathParam("id") long id) {
        return service.roomKinds(caller.identity(), id);
    }

    @POST
    @Path("{id}/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a room", description = "Kind 'discussion' unless given; other kinds must be "
            + "registered by a running plugin.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "RoomView")))
    @APIResponse(responseCode = "403", description = "Not a manager")
    @SignedIn
    @CheckedFirst(SpaceManagers.OfSpace.class)
    public Response createRoom(@PathParam("id") long id, NewRoom body) {
        Room room = service.createRoom(caller.require(), id, body);
        return Response.status(Response.Status.CREATED).entity(service.view(room)).build();
    }

    @GET
    @Path("{id}/moderation/sanctions")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The mutes and bans that hold anywhere in a space", description = "Space-wide ones "
            + "(without roomId) and those of each room, oldest first; lift or extend them through a room of the space.")
    @APIResponse(responseCode = "200", description = "The sanctions",
            content = @Content(schema = @Schema(ref = "SanctionViewList")))
    @APIResponse(responseCode = "403", description = "Not a manager of the space")
    @APIResponse(responseCode = "404", description = "No such space, or one the caller may not see")
    @SignedIn
    @CheckedFirst(SpaceManagers.OfSpace.class)
    public List<SanctionView> sanctions(@PathParam("id") long id) {
        return sanctions.ofSpace(caller.require(), id);
    }
}
