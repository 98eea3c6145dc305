package org.creativecities.events.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.events.app.EventDtos.ReminderRun;
import org.creativecities.events.app.ReminderTimer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Running the events' "starting soon" reminders now (administrators); the timer runs them every minute. */
@Path("admin/events/reminders")
@RequestScoped
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class ReminderAdminResource {

    @Inject
    private ReminderTimer timer;

    @Inject
    private Caller caller;

    @POST
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Send the \"starting soon\" reminders now", description = "Reminds everyone who answered "
            + "going (or interested) an occurrence starting within the lead time "
            + "(ccc.events.starting-soon.lead-minutes) and was not reminded of it yet; the timer does the same every "
            + "ccc.events.starting-soon.period-seconds. Each person hears of an occurrence once.")
    @APIResponse(responseCode = "200", description = "What the scan found and whom it reminded",
            content = @Content(schema = @Schema(ref = "ReminderRun")))
    public ReminderRun run() {
        caller.require();
        return timer.runNow();
    }
}
