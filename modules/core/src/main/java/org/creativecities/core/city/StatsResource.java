package org.creativecities.core.city;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.creativecities.core.city.CityDtos.CountryCount;
import org.creativecities.core.city.CityDtos.Stats;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Network statistics. */
@Path("stats")
@Tag(name = "Cities")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    private CityRepository cities;

    @GET
    @Transactional
    @Operation(summary = "Network statistics", description = "Active cities per current field and per country, and "
            + "designations per year.")
    @APIResponse(responseCode = "200", description = "The statistics")
    public Stats stats() {
        List<CountryCount> perCountry = cities.citiesPerCountry().stream()
                .map(r -> new CountryCount((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
        return new Stats(cities.countActive(), perCountry.size(), cities.citiesPerField(), perCountry,
                cities.designationsPerYear());
    }
}
