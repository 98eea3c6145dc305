package org.creativecities.core.city;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.Csv;
import org.creativecities.core.platform.TimeSource;

/**
 * Imports the member cities from the seed CSV ({@code name,country,iso2,field,year,lat,lon}, one row per
 * designation) at every start.
 *
 * <p>The import is idempotent: each row's natural key ({@code name|iso2|field|year}) is recorded once
 * imported and never imported again. A restart or re-import therefore neither duplicates a designation
 * nor overwrites, or brings back, anything an administrator has since edited or removed; only rows that
 * are new in the file are added. Names that occur in more than one country (Granada) get the country
 * code in their slug.
 */
@ApplicationScoped
public class CitySeedImporter {

    private static final Logger LOG = Logger.getLogger(CitySeedImporter.class.getName());
    private static final List<String> HEADER = List.of("name", "country", "iso2", "field", "year", "lat", "lon");

    /**
     * The outcome of one import.
     *
     * @param imported rows added now
     * @param skipped  rows imported before
     * @param cities   cities created now
     */
    public record Result(int imported, int skipped, int cities) {
    }

    @Inject
    private CityRepository cities;

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Inject
    private AppConfig config;

    @Inject
    private TimeSource time;

    @Transactional
    void onStart(@Observes @Priority(100) Bootstrap.Started started) {
        Path file = config.citySeed();
        if (!Files.isRegularFile(file)) {
            LOG.warning(() -> "No city seed file at " + file.toAbsolutePath() + "; the catalogue starts empty");
            return;
        }
        Result result = importFile(file);
        LOG.info(() -> "City seed " + file + ": " + result.imported() + " row(s) imported, " + result.skipped()
                + " already present, " + result.cities() + " new cit(ies)");
    }

    @Transactional
    public Result importFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the city seed " + file + ": " + e.getMessage(), e);
        }
        return importRows(Csv.parse(text), file.toString());
    }

    Result importRows(List<List<String>> rows, String source) {
        if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
            throw new IllegalStateException(source + ": expected the header " + String.join(",", HEADER));
        }
        List<List<String>> data = rows.subList(1, rows.size());
        Map<String, Set<String>> countriesByName = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            List<String> r = data.get(i);
            if (r.size() != HEADER.size()) {
                throw new IllegalStateException(source + " line " + (i + 2) + ": expected " + HEADER.size()
                        + " columns, found " + r.size());
            }
            countriesByName.computeIfAbsent(r.get(0).trim(), k -> new HashSet<>()).add(r.get(2).trim());
        }
        OffsetDateTime now = time.now();
        Set<String> done = cities.importedSeedRows();
        // Everything below works in memory: the fields, the cities and the slugs are read once (only if a row is
        // new), and nothing is written until every row was checked. The changes then go to the database in one
        // flush (EclipseLink batches the inserts) instead of a flush and up to five queries per row.
        Map<String, CreativeField> fields = null;
        Catalogue catalogue = null;
        Map<String, City> rowCity = new LinkedHashMap<>();
        int skipped = 0;
        int created = 0;
        for (int i = 0; i < data.size(); i++) {
            List<String> r = data.get(i);
            String name = r.get(0).trim();
            String iso2 = r.get(2).trim();
            String fieldSlug = r.get(3).trim();
            String key = name + "|" + iso2 + "|" + fieldSlug + "|" + r.get(4).trim();
            if (done.contains(key) || rowCity.containsKey(key)) {
                skipped++;
                continue;
            }
            if (fields == null) {
                fields = new HashMap<>();
                for (CreativeField f : cities.fields()) {
                    fields.put(f.slug(), f);
                }
                catalogue = new Catalogue(em.createQuery("SELECT c FROM City c", City.class).getResultList());
            }
            int line = i + 2;
            CreativeField field = fields.get(fieldSlug);
            if (field == null) {
                throw new IllegalStateException(source + " line " + line + ": unknown field '" + fieldSlug + "'");
            }
            int year = Integer.parseInt(r.get(4).trim());
            City city = catalogue.byNameAndCountry.get(name + "|" + iso2);
            if (city == null) {
                String slug = countriesByName.get(name).size() > 1
                        ? City.slugOf(name) + "-" + iso2.toLowerCase(Locale.ROOT)
                        : City.uniqueSlug(name, iso2, catalogue.slugs::contains);
                city = new City(slug, name, new Country(iso2, r.get(1).trim()), now);
                if (!r.get(5).isBlank() && !r.get(6).isBlank()) {
                    city.locate(new BigDecimal(r.get(5).trim()), new BigDecimal(r.get(6).trim()), now);
                }
                catalogue.add(city);
                em.persist(city);
                created++;
            }
            city.designate(field, year, now);
            rowCity.put(key, city);
        }
        if (!rowCity.isEmpty()) {
            em.flush();
            Map<String, Long> rowToCityId = new HashMap<>();
            rowCity.forEach((key, city) -> rowToCityId.put(key, city.id()));
            cities.recordSeedRows(rowToCityId, now);
        }
        return new Result(rowCity.size(), skipped, created);
    }

    /** The cities already in the database, by name and country and by slug, plus those created by this import. */
    private static final class Catalogue {

        final Map<String, City> byNameAndCountry = new HashMap<>();
        final Set<String> slugs = new HashSet<>();

        Catalogue(List<City> existing) {
            existing.forEach(this::add);
        }

        void add(City city) {
            byNameAndCountry.put(city.name() + "|" + city.country().code(), city);
            slugs.add(city.slug());
        }
    }
}
