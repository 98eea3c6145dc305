package org.creativecities.notifications.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.notifications.app.NotificationDtos.PreferencesUpdate;
import org.creativecities.notifications.app.NotificationDtos.PreferencesView;
import org.creativecities.notifications.app.PreferenceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My notification preferences. */
@Path("me/preferences")
@RequestScoped
@Tag(name = "Notifications", description = "The notification centre: notifications, my rooms, preferences")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class PreferencesResource {

    @Inject
    private PreferenceService service;

    @Inject
    private Caller caller;

    @GET
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "My notification preferences",
            description = "In-app: always. Email per kind (mention, reply, join-request, join-answer, work-version, "
                    + "work-fork, work-invitation, moderation, event-starting-soon, project-join-request, "
                    + "project-join-answer, project-invitation, project-invitation-answer, announcement): immediate, "
                    + "digest or off (the default). "
                    + "Digest: daily, weekly or off.")
    @APIResponse(responseCode = "200", description = "My preferences",
            content = @Content(schema = @Schema(ref = "PreferencesView")))
    public PreferencesView get() {
        return service.get(caller.require());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Extension(name = "x-ccc-access", value = "signed-in")
    @Operation(summary = "Change my notification preferences",
            description = "{\"email\": {\"mention\": \"immediate\"}, \"digest\": \"weekly\"}: the kinds given "
                    + "change, the others stay; digest stays when absent.")
    @APIResponse(responseCode = "200", description = "My preferences now",
            content = @Content(schema = @Schema(ref = "PreferencesView")))
    public PreferencesView put(PreferencesUpdate body) {
        return service.update(caller.require(), body);
    }
}
