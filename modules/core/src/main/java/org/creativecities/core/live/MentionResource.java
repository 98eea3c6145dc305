package org.creativecities.core.live;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's mentions in room messages. */
@Path("me/mentions")
@Tag(name = "Live", description = "Live rooms over WebSocket: tickets and history")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class MentionResource {

    /** One mention. */
    public record MentionView(long id, long room, long seq, long authorId, String authorName, String excerpt,
                              OffsetDateTime createdAt, OffsetDateTime readAt) {
        static MentionView of(Mention m) {
            return new MentionView(m.id(), m.roomId(), m.seq(), m.authorId(), m.authorName(), m.excerpt(),
                    m.createdAt(), m.readAt().orElse(null));
        }
    }

    @Inject
    private MentionInbox inbox;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @GET
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "My mentions, newest first", description = "unread=true: only those not marked read.")
    @APIResponse(responseCode = "200", description = "A page of mentions",
            content = @Content(schema = @Schema(ref = "MentionViewPage")))
    @APIResponse(responseCode = "401", description = "Not signed in")
    public Page<MentionView> list(@QueryParam("unread") String unread, @QueryParam("page") String page,
                                  @QueryParam("size") String size) {
        QueryParser p = new QueryParser();
        boolean unreadOnly = p.optionalBoolean("unread", unread).orElse(false);
        PageRequest request = p.page(page, size, 50, config.pageSizeMax());
        p.check();
        return inbox.mentions(caller.require(), unreadOnly, request).map(MentionView::of);
    }

    @POST
    @Path("read")
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Mark all my mentions read")
    @APIResponse(responseCode = "200", description = "How many were marked",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    public JsonObject markAllRead() {
        return Frames.JSON.createObjectBuilder().add("marked", inbox.markAllRead(caller.require())).build();
    }

    @POST
    @Path("{id}/read")
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Mark one mention read")
    @APIResponse(responseCode = "204", description = "Marked")
    @APIResponse(responseCode = "404", description = "Not one of my mentions")
    public Response markRead(@PathParam("id") long id) {
        inbox.markRead(caller.require(), id);
        return Response.noContent().build();
    }
}
