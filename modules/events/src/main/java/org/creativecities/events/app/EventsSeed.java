package org.creativecities.events.app;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.events.domain.Event;
import org.creativecities.events.domain.EventRepository;

/**
 * Seeds the network's own history (its conferences, Santa Fe 2008 and Shenzhen 2010) as past, published events,
 * once: each seed row is recorded when imported, so an event an administrator deletes does not come back. Runs after
 * the core has seeded the cities; a row whose city is not in the catalogue is skipped (and imported at a later start
 * once it is).
 */
@ApplicationScoped
public class EventsSeed {

    /** The seed, in this module's resources. */
    static final String RESOURCE = "/org/creativecities/events/seed/network-history.json";

    private static final Logger LOG = Logger.getLogger(EventsSeed.class.getName());

    @Inject
    private EventRepository events;

    @Inject
    private CityRepository cities;

    @Inject
    private TimeSource time;

    @Transactional
    void onStart(@Observes @Priority(400) Bootstrap.Started started) {
        int imported = 0;
        for (JsonValue value : read().getJsonArray("events")) {
            JsonObject row = value.asJsonObject();
            String key = row.getString("key");
            if (!events.seedRowImported(key) && importRow(key, row)) {
                imported++;
            }
        }
        int count = imported;
        if (count > 0) {
            LOG.config(() -> "Seeded " + count + " events of the network's history");
        }
    }

    private boolean importRow(String key, JsonObject row) {
        Set<Long> organisers = new LinkedHashSet<>();
        for (JsonValue c : row.getJsonArray("cities")) {
            Optional<City> city = city(c.asJsonObject());
            if (city.isEmpty()) {
                return false;
            }
            organisers.add(city.get().id());
        }
        Set<Long> fields = new LinkedHashSet<>();
        for (JsonValue f : row.getJsonArray("fields")) {
            cities.findField(((JsonString) f).getString()).map(CreativeField::id).ifPresent(fields::add);
        }
        JsonObject place = row.getJsonObject("place");
        Long placeCity = place.containsKey("city") ? city(place.getJsonObject("city")).map(City::id).orElse(null) : null;
        OffsetDateTime now = time.now();
        Event event = new Event(row.getString("title"), Event.Status.PUBLISHED, null, now);
        event.describe(row.getString("description"), now);
        event.schedule(LocalDateTime.parse(row.getString("start")), LocalDateTime.parse(row.getString("end")),
                ZoneId.of(row.getString("timeZone")), now);
        event.place(Event.PlaceKind.valueOf(place.getString("kind").toUpperCase(java.util.Locale.ROOT)), placeCity,
                place.getString("address", null), now);
        event.organise(organisers, fields, now);
        events.add(event);
        events.recordSeedRow(key, event.id(), now);
        return true;
    }

    private Optional<City> city(JsonObject ref) {
        return cities.findByNameAndCountry(ref.getString("name"), ref.getString("iso2"));
    }

    private static JsonObject read() {
        try (InputStream in = EventsSeed.class.getResourceAsStream(RESOURCE);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
