package org.creativecities.core.live;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A room's event log over REST, paged by sequence number. */
@Path("rooms/{id}/history")
@Tag(name = "Live", description = "Live rooms over WebSocket: tickets and history")
@Produces(MediaType.APPLICATION_JSON)
public class RoomHistoryResource {

    @Inject
    private LiveService service;

    @Inject
    private Caller caller;

    @GET
    @Operation(summary = "A page of a room's events", description = "after=seq: the events after it, oldest first; "
            + "before=seq: the events before it (the latest when neither is given). Items are always in ascending "
            + "sequence order; the same JSON as the live frames.")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such room, or one the caller may not read")
    public JsonObject history(@PathParam("id") long id, @QueryParam("before") String before,
                              @QueryParam("after") String after, @QueryParam("limit") String limit) {
        QueryParser p = new QueryParser();
        Optional<Integer> b = p.optionalInt("before", before, 1, Integer.MAX_VALUE);
        Optional<Integer> a = p.optionalInt("after", after, 0, Integer.MAX_VALUE);
        int size = p.intOr("limit", limit, 50, 1, 500);
        if (b.isPresent() && a.isPresent()) {
            p.reject("after", "Give before or after, not both.");
        }
        p.check();
        List<RoomEvent> events = service.history(caller.identity(), id, b.map(Integer::longValue),
                a.map(Integer::longValue), size);
        JsonArrayBuilder items = Frames.JSON.createArrayBuilder();
        events.forEach(e -> items.add(Frames.event(e)));
        return Frames.JSON.createObjectBuilder().add("room", id).add("items", items).build();
    }
}
