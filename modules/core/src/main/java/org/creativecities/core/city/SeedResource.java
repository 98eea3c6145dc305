package org.creativecities.core.city;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AppConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Re-running the city seed import on demand. */
@Path("admin/cities/import")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class SeedResource {

    @Inject
    private Caller caller;

    @Inject
    private CitySeedImporter importer;

    @Inject
    private AppConfig config;

    @Inject
    private CityCatalogue catalogue;

    @POST
    @Operation(summary = "Re-import the city seed", description = "Adds the seed rows that are new since the last "
            + "import; never duplicates a designation nor overwrites an administrator's edits. Administrators only.")
    @APIResponse(responseCode = "200", description = "What was imported",
            content = @Content(schema = @Schema(ref = "CityImportResult")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public CitySeedImporter.Result reimport() {
        caller.requireAdmin();
        CitySeedImporter.Result result = importer.importFile(config.citySeed());
        catalogue.invalidate();
        return result;
    }
}
