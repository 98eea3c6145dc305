package org.creativecities.notifications.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.notifications.domain.Preferences;
import org.creativecities.notifications.mail.Digests;
import org.creativecities.notifications.mail.MailAdministration;
import org.creativecities.notifications.mail.MailDtos.DigestRun;
import org.creativecities.notifications.mail.MailDtos.MailUpdate;
import org.creativecities.notifications.mail.MailDtos.MailView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The outgoing mail server of notification mail, and running a digest now (administrators). */
@Path("admin/mail")
@RequestScoped
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class MailAdminResource {

    @Inject
    private MailAdministration administration;

    @Inject
    private Digests digests;

    @Inject
    private Caller caller;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The mail server", description = "status: configured, or not-configured (then no email "
            + "is sent and only in-app notifications are kept). The password is never shown: passwordSet says "
            + "whether one is kept.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(ref = "MailView")))
    public MailView get() {
        return administration.view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Set the mail server", description = "host, port (25), from, tls (none, starttls, tls), "
            + "username, password (absent: kept; empty: removed), baseUrl (the site's public address, for links). "
            + "An empty host turns email off.")
    @APIResponse(responseCode = "200", description = "The settings now",
            content = @Content(schema = @Schema(ref = "MailView")))
    public MailView put(MailUpdate body) {
        caller.require();
        return administration.update(body);
    }

    @POST
    @Path("digest")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Send a digest now", description = "frequency=daily or weekly: everyone with that "
            + "digest gets it now, with their unread notifications since their last digest (the hourly timer "
            + "sends each person's when it is due).")
    @APIResponse(responseCode = "200", description = "What was sent",
            content = @Content(schema = @Schema(ref = "DigestRun")))
    public DigestRun digest(@QueryParam("frequency") String frequency) {
        caller.require();
        QueryParser p = new QueryParser();
        String f = p.optionalOneOf("frequency", frequency, List.of("daily", "weekly")).orElse("daily");
        p.check();
        return digests.run(Preferences.Digest.valueOf(f.toUpperCase(java.util.Locale.ROOT)), false);
    }
}
