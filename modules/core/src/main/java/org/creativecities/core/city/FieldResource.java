package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.creativecities.core.city.CityDtos.FieldUpdate;
import org.creativecities.core.city.CityDtos.FieldView;
import org.creativecities.core.city.CityDtos.NewField;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The creative fields of the network. */
@ApplicationScoped
@Path("fields")
@Tag(name = "Cities")
@Produces(MediaType.APPLICATION_JSON)
public class FieldResource {

    @Inject
    private CityRepository cities;

    @Inject
    private Caller caller;

    @Inject
    private Event<CityCatalogue.Changed> changed;

    @GET
    @Transactional
    @Operation(summary = "List creative fields", description = "With the number of cities whose current field it is.")
    @APIResponse(responseCode = "200", description = "The fields, in display order",
            content = @Content(schema = @Schema(ref = "FieldViewList")))
    public List<FieldView> list() {
        Map<String, Long> counts = cities.citiesPerField();
        return cities.fields().stream().map(f -> view(f, counts.getOrDefault(f.slug(), 0L))).toList();
    }

    @GET
    @Path("{slug}")
    @Transactional
    @Operation(summary = "One creative field")
    @APIResponse(responseCode = "200", description = "The field",
            content = @Content(schema = @Schema(ref = "FieldView")))
    @APIResponse(responseCode = "404", description = "No such field")
    public FieldView get(@PathParam("slug") String slug) {
        CreativeField f = find(slug);
        return view(f, cities.citiesPerField().getOrDefault(slug, 0L));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Add a creative field", description = "Administrators only.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "FieldView")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @AdminOnly
    public Response create(NewField body) {
        caller.requireAdmin();
        if (cities.findField(body.slug()).isPresent()) {
            throw ProblemException.conflict("Field exists", "A field with slug '" + body.slug() + "' exists.");
        }
        int order = cities.fields().stream().mapToInt(CreativeField::sortOrder).max().orElse(0) + 1;
        CreativeField f = cities.addField(new CreativeField(body.slug(), body.name().trim(), body.description().trim(),
                body.since(), order));
        changed.fire(new CityCatalogue.Changed("field " + f.slug() + " added"));
        return Response.status(Response.Status.CREATED).entity(view(f, 0)).build();
    }

    @PATCH
    @Path("{slug}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Rename or describe a creative field", description = "Administrators only.")
    @APIResponse(responseCode = "200", description = "The changed field",
            content = @Content(schema = @Schema(ref = "FieldView")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "No such field")
    @AdminOnly
    public FieldView update(@PathParam("slug") String slug, FieldUpdate body) {
        caller.requireAdmin();
        CreativeField f = find(slug);
        f.describe(body.name(), body.description());
        changed.fire(new CityCatalogue.Changed("field " + slug + " changed"));
        return view(f, cities.citiesPerField().getOrDefault(slug, 0L));
    }

    private CreativeField find(String slug) {
        return cities.findField(slug).orElseThrow(() -> ProblemException.notFound("Field", slug));
    }

    private static FieldView view(CreativeField f, long count) {
        return new FieldView(f.slug(), f.name(), f.description(), f.sinceYear(), count);
    }
}
