package org.creativecities.core.space;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.core.space.SpaceDtos.AuditView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for administrators: moderation actions and administrative changes. */
@Path("admin/audit")
@Tag(name = "Moderation", description = "Mute, kick and ban; the audit log")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class AuditResource {

    @Inject
    private ModerationService service;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The audit log (moderation and administrative changes), newest first")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(schema = @Schema(ref = "AuditViewPage")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public Page<AuditView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParser p = new QueryParser();
        PageRequest request = p.page(page, size, 50, config.pageSizeMax());
        p.check();
        return service.auditLog(caller, request).map(AuditView::of);
    }
}
