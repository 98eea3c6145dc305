package org.creativecities.projects.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.projects.app.ProjectDtos.NewProject;
import org.creativecities.projects.app.ProjectDtos.ProjectList;
import org.creativecities.projects.app.ProjectDtos.ProjectUpdate;
import org.creativecities.projects.app.ProjectDtos.ProjectView;
import org.creativecities.projects.app.ProjectService;
import org.creativecities.projects.app.ProjectViews;
import org.creativecities.projects.domain.Project;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cross-city projects: list, create, read, change. */
@Path("projects")
@RequestScoped
@Tag(name = "Projects", description = "Cross-city projects: cities and fields around a goal, members with roles, "
        + "needs for expertise and their matches, milestones")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    private ProjectService service;

    @Inject
    private ProjectViews views;

    @Inject
    private Caller caller;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "List projects", description = "Newest first, at most 200. Filters: city (a city's slug) "
            + "and field (a creative field's slug).")
    @APIResponse(responseCode = "200", description = "The projects",
            content = @Content(schema = @Schema(ref = "ProjectList")))
    @APIResponse(responseCode = "400", description = "An unknown city or field")
    public ProjectList list(@QueryParam("city") String city, @QueryParam("field") String field) {
        anonymousReads.check(caller);
        QueryParser p = new QueryParser();
        Optional<String> citySlug = p.optionalText("city", city, 160);
        Optional<String> fieldSlug = p.optionalText("field", field, 64);
        p.check();
        return new ProjectList(service.list(citySlug, fieldSlug).stream()
                .map(project -> views.view(caller.identity(), project)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Start a project", description = "An active member of one of its cities (or an "
            + "administrator); the caller becomes its lead. goal is Markdown; cities and fields are slugs; open "
            + "(default true) lets people ask to join.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "ProjectView")))
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field (e.g. 'cities[0]')")
    @APIResponse(responseCode = "403", description = "Not a member of any of its cities")
    @SignedIn
    public Response create(NewProject body) {
        Project project = service.create(caller.require(), body);
        return Response.created(URI.create("/api/projects/" + project.id()))
                .entity(views.view(caller.identity(), project)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A project", description = "With its goal (Markdown and safe HTML), cities, fields, leads, "
            + "member count and the caller's place in it.")
    @APIResponse(responseCode = "200", description = "The project",
            content = @Content(schema = @Schema(ref = "ProjectView")))
    @APIResponse(responseCode = "404", description = "No such project")
    public ProjectView get(@PathParam("id") long id) {
        anonymousReads.check(caller);
        return views.view(caller.identity(), service.get(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a project", description = "Its leads and administrators. Only the properties "
            + "given change.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(ref = "ProjectView")))
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field")
    @APIResponse(responseCode = "403", description = "Not a lead")
    @APIResponse(responseCode = "404", description = "No such project")
    @SignedIn
    public ProjectView update(@PathParam("id") long id, ProjectUpdate body) {
        return views.view(caller.identity(), service.update(caller.require(), id, body));
    }
}
