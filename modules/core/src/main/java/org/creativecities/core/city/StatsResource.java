package org.creativecities.core.city;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.CityDtos.MapPoint;
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

    @GET
    @Path("map")
    @Transactional
    @Operation(summary = "The network map", description = "Every active city that has coordinates, in one "
            + "answer: slug, name, current field, latitude and longitude (the city list pages at most by the "
            + "configured page size; the map needs them all).")
    @APIResponse(responseCode = "200", description = "The cities, by name")
    public List<MapPoint> map() {
        CityRepository.Criteria all = new CityRepository.Criteria(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, CityRepository.Sort.NAME);
        return cities.find(all, 0, Integer.MAX_VALUE).stream()
                .filter(c -> c.latitude().isPresent() && c.longitude().isPresent()).map(MapPoint::of).toList();
    }
}
