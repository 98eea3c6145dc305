package org.creativecities.notifications.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.notifications.app.MyRoomsService;
import org.creativecities.notifications.app.NotificationDtos.MyRooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "My rooms": the rooms I entered, with unread counts, and marking one read. */
@Path("me/rooms")
@RequestScoped
@Tag(name = "Notifications", description = "The notification centre: notifications, my rooms, preferences")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class MyRoomsResource {

    @Inject
    private MyRoomsService service;

    @Inject
    private Caller caller;

    @GET
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "The rooms I entered, with unread counts",
            description = "A room joins the list when I enter it over /ws (a join frame), which also marks it read "
                    + "up to its newest message; unread counts messages by others since. Rooms I may no longer read "
                    + "are left out. Most recently read first.")
    @APIResponse(responseCode = "200", description = "My rooms", content = @Content(schema = @Schema(ref = "MyRooms")))
    public MyRooms list() {
        return service.list(caller.require());
    }

    @POST
    @Path("{id}/read")
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Mark a room read", description = "Up to its newest message; the room joins my rooms.")
    @APIResponse(responseCode = "204", description = "Marked")
    @APIResponse(responseCode = "404", description = "No such room that I may read")
    public Response read(@PathParam("id") long id) {
        service.markRead(caller.require(), id);
        return Response.noContent().build();
    }
}
