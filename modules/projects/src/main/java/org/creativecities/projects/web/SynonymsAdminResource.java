package org.creativecities.projects.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.projects.app.ProjectDtos;
import org.creativecities.projects.app.Synonyms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The skill taxonomy's near-synonyms that matching uses: the shipped list, and administrators' additions. */
@Path("admin/projects/synonyms")
@RequestScoped
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class SynonymsAdminResource {

    @Inject
    private Synonyms synonyms;

    @Inject
    private Caller caller;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The near-synonyms of the skill taxonomy", description = "The groups shipped with the "
            + "application and those administrators added; terms of a group match one another.")
    @APIResponse(responseCode = "200", description = "The groups",
            content = @Content(schema = @Schema(ref = "Synonyms")))
    public ProjectDtos.Synonyms get() {
        caller.require();
        return synonyms.view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replace the administrators' synonym groups", description = "{\"groups\": [[\"luthier\", "
            + "\"instrument maker\"], ...]}: at most 500 groups of 2 to 20 terms, each of 1 to 60 characters. The "
            + "shipped groups stay.")
    @APIResponse(responseCode = "200", description = "The groups now",
            content = @Content(schema = @Schema(ref = "Synonyms")))
    @APIResponse(responseCode = "400", description = "Invalid groups, naming the group or term")
    public ProjectDtos.Synonyms put(ProjectDtos.SynonymsUpdate body) {
        caller.require();
        return synonyms.replace(body);
    }
}
