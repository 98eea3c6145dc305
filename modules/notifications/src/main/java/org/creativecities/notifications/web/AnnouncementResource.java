package org.creativecities.notifications.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.notifications.app.AnnouncementDtos.AnnouncementPage;
import org.creativecities.notifications.app.AnnouncementDtos.AnnouncementView;
import org.creativecities.notifications.app.AnnouncementDtos.NewAnnouncement;
import org.creativecities.notifications.app.AnnouncementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Announcements: an administrator to the network or a field, a coordinator to their city; the ones I may see. */
@Path("announcements")
@RequestScoped
@Tag(name = "Notifications", description = "The notification centre: notifications, my rooms, preferences")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class AnnouncementResource {

    @Inject
    private AnnouncementService service;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "restricted")
    @Operation(summary = "Send an announcement",
            description = "Stores the announcement and answers 202 at once; it is then delivered in batches: each "
                    + "recipient gets an 'announcement' notification (stored, live over /ws, mailed to who chose "
                    + "immediate mail for announcements). audience network or field: administrators; city: the "
                    + "city's coordinators and administrators. Ten per person per hour.")
    @APIResponse(responseCode = "202", description = "Stored; its delivery has started",
            content = @Content(schema = @Schema(ref = "AnnouncementView")))
    @APIResponse(responseCode = "400", description = "A missing or invalid audience, field, city, title or body")
    @APIResponse(responseCode = "403", description = "Not an administrator, or not a coordinator of the city")
    @APIResponse(responseCode = "429", description = "Ten announcements within the hour already")
    public Response announce(NewAnnouncement body) {
        AnnouncementView sent = service.announce(caller.require(), body);
        return Response.accepted(sent).location(URI.create("/api/announcements/" + sent.id())).build();
    }

    @GET
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Past announcements, newest first",
            description = "An administrator sees all of them; anyone else those they sent or received.")
    @APIResponse(responseCode = "200", description = "A page of announcements",
            content = @Content(schema = @Schema(ref = "AnnouncementPage")))
    public AnnouncementPage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParser p = new QueryParser();
        PageRequest request = p.page(page, size, 20, config.pageSizeMax());
        p.check();
        return service.list(caller.require(), request);
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "restricted")
    @Operation(summary = "One announcement, with its delivery's progress",
            description = "recipients, delivered, and status (delivering, then delivered with completedAt).")
    @APIResponse(responseCode = "200", description = "The announcement",
            content = @Content(schema = @Schema(ref = "AnnouncementView")))
    @APIResponse(responseCode = "404", description = "No such announcement that you may see")
    public AnnouncementView get(@PathParam("id") long id) {
        return service.get(caller.require(), id);
    }
}
