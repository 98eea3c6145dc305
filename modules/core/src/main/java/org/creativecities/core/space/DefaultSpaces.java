package org.creativecities.core.space;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CityService;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.TimeSource;

/**
 * The spaces every platform has: a community space per city and a network space per field, each with a
 * {@code general} discussion room. They are made at start-up, after the city seed (priority 100); a city added later
 * gets its space the first time its spaces are listed.
 */
@ApplicationScoped
public class DefaultSpaces {

    private static final Logger LOG = Logger.getLogger(DefaultSpaces.class.getName());

    @Inject
    private SpaceRepository spaces;

    @Inject
    private CityService cities;

    @Inject
    private CityRepository cityRepository;

    @Inject
    private TimeSource time;

    @Transactional
    void onStart(@Observes @Priority(300) Bootstrap.Started started) {
        int created = ensureDefaultSpaces();
        if (created > 0) {
            LOG.info(() -> "Created " + created + " community and network spaces.");
        }
    }

    /** Creates the community space of a city (with its general room) if it has none yet. */
    @Transactional
    public void ensureCitySpace(String citySlug) {
        City city = cities.get(citySlug);
        if (spaces.findBySlug(SpaceService.citySpaceSlug(city.slug())).isEmpty()) {
            spaces.addAll(List.of(citySpace(city)));
        }
    }

    /**
     * Creates the missing default spaces, each with its room. Reads first, then writes everything at once: one
     * flush instead of two per space.
     *
     * @return how many spaces were created
     */
    @Transactional
    public int ensureDefaultSpaces() {
        List<Room> created = new ArrayList<>();
        for (City city : spaces.citiesWithoutSpace()) {
            created.add(citySpace(city));
        }
        for (var field : cityRepository.fields()) {
            String slug = "field-" + field.slug();
            if (spaces.findBySlug(slug).isEmpty()) {
                Space space = Space.ofField(slug, "Cities of " + field.name(), field.slug(),
                        Space.Visibility.PUBLIC, time.now());
                created.add(generalRoom(space));
            }
        }
        if (!created.isEmpty()) {
            spaces.addAll(created);
        }
        return created.size();
    }

    /** A city's community space (not yet stored) with its general room. */
    private Room citySpace(City city) {
        return generalRoom(Space.ofCity(SpaceService.citySpaceSlug(city.slug()), city.name() + " community", city,
                Space.Visibility.PUBLIC, time.now()));
    }

    private Room generalRoom(Space space) {
        return new Room(space, Room.DISCUSSION, "general", null, null, time.now());
    }
}
