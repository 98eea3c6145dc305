package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.PublicPages;

/** The cities' public pages for the sitemap: the list and each member city's page (retired cities are left out). */
@ApplicationScoped
public class CityPages implements PublicPages {

    private static final int BATCH = 500;

    @Inject
    CityCatalogue catalogue;

    @Override
    public List<String> paths() {
        List<String> paths = new ArrayList<>(List.of("/cities"));
        CityCatalogue.Query all = new CityCatalogue.Query(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, CityCatalogue.Sort.NAME);
        for (int page = 1; ; page++) {
            List<CityDtos.CitySummary> cities = catalogue.list(all, new PageRequest(page, BATCH)).items();
            cities.forEach(c -> paths.add("/cities/" + c.slug()));
            if (cities.size() < BATCH) {
                return paths;
            }
        }
    }
}
