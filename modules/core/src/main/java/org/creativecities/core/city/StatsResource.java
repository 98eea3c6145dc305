package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.creativecities.core.city.CityDtos.CountryCount;
import org.creativecities.core.city.CityDtos.MapPoint;
import org.creativecities.core.city.CityDtos.Stats;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Network statistics. */
@ApplicationScoped
@Path("stats")
@Tag(name = "Cities")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    private CityRepository cities;

    @Inject
    private CityCatalogue catalogue;

    @GET
    @Transactional
    @Operation(summary = "Network statistics", description = "Active cities per current field and per country, and "
            + "designations per year.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(schema = @Schema(ref = "Stats")))
    public Stats stats() {
        List<CountryCount> perCountry = cities.citiesPerCountry().stream()
                .map(r -> new CountryCount((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
        return new Stats(cities.countActive(), perCountry.size(), cities.citiesPerField(), perCountry,
                cities.designationsPerYear());
    }

    @GET
    @Path("map")
    @Operation(summary = "The network map", description = "Every active city that has coordinates, in one "
            + "answer: slug, name, current field, latitude and longitude (the city list pages at most by the "
            + "configured page size; the map needs them all). With an entity tag for conditional requests.")
    @APIResponse(responseCode = "200", description = "The cities, by name",
            content = @Content(schema = @Schema(ref = "MapPointList")))
    @APIResponse(responseCode = "304", description = "Unchanged since the entity tag in If-None-Match")
    public Response map(@Context Request conditions) {
        return catalogue.mapJson().respond(conditions);
    }
}
