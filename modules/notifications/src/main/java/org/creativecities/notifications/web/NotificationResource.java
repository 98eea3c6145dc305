package org.creativecities.notifications.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.notifications.NotificationsException;
import org.creativecities.notifications.app.NotificationDtos.NotificationPage;
import org.creativecities.notifications.app.NotificationDtos.ReadRequest;
import org.creativecities.notifications.app.NotificationDtos.ReadResult;
import org.creativecities.notifications.app.NotificationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notification centre: their notifications, newest first, and marking them read. */
@Path("me/notifications")
@RequestScoped
@Tag(name = "Notifications", description = "The notification centre: notifications, my rooms, preferences")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class NotificationResource {

    @Inject
    private NotificationService service;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @GET
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "My notifications, newest first",
            description = "Mentions, replies to my messages, join requests (coordinators) and their answers, "
                    + "changes to my works, moderation that concerns me. unread=true: only those not read. "
                    + "'unread' in the answer counts all my unread notifications. New ones also arrive live over "
                    + "/ws as {\"type\":\"notification\",\"notification\":{...},\"unread\":n}.")
    @APIResponse(responseCode = "200", description = "A page of notifications",
            content = @Content(schema = @Schema(ref = "NotificationPage")))
    public NotificationPage list(@QueryParam("unread") String unread, @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        QueryParser p = new QueryParser();
        boolean unreadOnly = p.optionalBoolean("unread", unread).orElse(false);
        PageRequest request = p.page(page, size, 20, config.pageSizeMax());
        p.check();
        return service.list(caller.require(), unreadOnly, request);
    }

    @POST
    @Path("read")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Mark my notifications read",
            description = "{\"ids\": [1, 2]} marks those (ids that are not mine are ignored); {} marks all.")
    @APIResponse(responseCode = "200", description = "How many were marked, and how many remain unread",
            content = @Content(schema = @Schema(ref = "ReadResult")))
    public ReadResult read(ReadRequest body) {
        Caller.Identity who = caller.require();
        if (body == null) {
            throw NotificationsException.invalid("body", "Send {} to mark all, or {\"ids\": [...]}.");
        }
        return service.markRead(who, body.ids());
    }
}
