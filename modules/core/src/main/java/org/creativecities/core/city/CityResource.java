package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creativecities.core.city.CityDtos.CityProfile;
import org.creativecities.core.city.CityDtos.CityUpdate;
import org.creativecities.core.city.CityDtos.NewCity;
import org.creativecities.core.city.CityDtos.NewDesignation;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.creativecities.core.platform.web.CheckedFirst;

/** The member-city catalogue. */
@ApplicationScoped
@Path("cities")
@Tag(name = "Cities", description = "The member cities of the network")
@Produces(MediaType.APPLICATION_JSON)
public class CityResource {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final List<String> SORTS = List.of("name", "-name", "country", "-country", "year", "-year");

    @Inject
    private CityCatalogue catalogue;

    @Inject
    private CityService service;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @GET
    @Operation(summary = "List cities", description = "Filter by current field, country, designation year and free "
            + "text (name or country, accents ignored); sort; paginate. The response carries the total count, and "
            + "an entity tag for conditional requests.")
    @APIResponse(responseCode = "200", description = "A page of cities",
            content = @Content(schema = @Schema(ref = "CitySummaryPage")))
    @APIResponse(responseCode = "304", description = "Unchanged since the entity tag in If-None-Match")
    @APIResponse(responseCode = "400", description = "An unknown query parameter or a bad value")
    public Response list(
            @Parameter(description = "Current field slug, e.g. film") @QueryParam("field") String field,
            @Parameter(description = "ISO 3166-1 alpha-2 code, e.g. FR") @QueryParam("country") String country,
            @Parameter(description = "A designation year") @QueryParam("year") String year,
            @Parameter(description = "Free text on name and country") @QueryParam("q") String q,
            @Parameter(description = "name, country or year; prefix '-' for descending") @QueryParam("sort") String sort,
            @Parameter(description = "Also list retired cities") @QueryParam("retired") String retired,
            @Parameter(description = "1-based page") @QueryParam("page") String page,
            @Parameter(description = "Page size") @QueryParam("size") String size,
            @Context Request conditions) {
        QueryParser p = new QueryParser();
        Optional<String> fieldFilter = p.optionalOneOf("field", field, catalogue.fieldSlugs());
        Optional<String> countryFilter = p.optionalMatching("country", country, COUNTRY,
                "must be an ISO 3166-1 alpha-2 code").map(c -> c.toUpperCase(Locale.ROOT));
        Optional<Integer> yearFilter = p.optionalInt("year", year, 2004, 2100);
        Optional<String> text = p.optionalText("q", q, 100);
        String sortKey = p.optionalOneOf("sort", sort, SORTS).orElse("name");
        boolean includeRetired = p.optionalBoolean("retired", retired).orElse(false);
        PageRequest request = p.page(page, size, 20, config.pageSizeMax());
        p.check();
        CityCatalogue.Sort order = CityCatalogue.Sort.valueOf(
                (sortKey.startsWith("-") ? sortKey.substring(1) + "_desc" : sortKey).toUpperCase(Locale.ROOT));
        CityCatalogue.Query query = new CityCatalogue.Query(fieldFilter, countryFilter, yearFilter, text,
                includeRetired, order);
        return catalogue.listJson(query, request).respond(conditions);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A city's profile", description = "Designation history, member count and coordinators; "
            + "with an entity tag for conditional requests.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(ref = "CityProfile")))
    @APIResponse(responseCode = "304", description = "Unchanged since the entity tag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such city")
    public Response get(@PathParam("slug") String slug, @Context Request conditions) {
        return catalogue.profileJson(slug).orElseThrow(() -> ProblemException.notFound("City", slug))
                .respond(conditions);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a city", description = "Administrators only.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new city",
            content = @Content(schema = @Schema(ref = "CityProfile")))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "409", description = "A city with this name already exists in this country")
    @AdminOnly
    public Response create(NewCity body, @Context UriInfo uri) {
        CityProfile created = service.create(caller, body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build()).entity(created).build();
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a city", description = "Administrators change anything; the city's coordinators "
            + "change its description, website and join policy. Absent properties stay as they are; "
            + "'retired': false reinstates a retired city.")
    @APIResponse(responseCode = "200", description = "The changed profile",
            content = @Content(schema = @Schema(ref = "CityProfile")))
    @APIResponse(responseCode = "403", description = "Not allowed to change this city or these properties")
    @APIResponse(responseCode = "404", description = "No such city")
    @SignedIn
    @CheckedFirst(CoordinatorOfCity.class)
    public CityProfile update(@PathParam("slug") String slug,
                              CityUpdate body) {
        return service.update(caller, slug, body);
    }

    @DELETE
    @Path("{slug}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Retire a city", description = "The city leaves the public lists but keeps its history and "
            + "community. Administrators only.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "No such city")
    @AdminOnly
    public Response retire(@PathParam("slug") String slug) {
        service.retire(caller, slug);
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/designations")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Add a designation", description = "Administrators only.")
    @APIResponse(responseCode = "201", description = "The profile with the new designation",
            content = @Content(schema = @Schema(ref = "CityProfile")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "409", description = "The city already has this field in this year")
    @AdminOnly
    public Response designate(@PathParam("slug") String slug,
                              NewDesignation body) {
        return Response.status(Response.Status.CREATED).entity(service.designate(caller, slug, body)).build();
    }

}
