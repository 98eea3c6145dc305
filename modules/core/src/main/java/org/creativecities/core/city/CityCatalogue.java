package org.creativecities.core.city;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.creativecities.core.city.CityDtos.CitySummary;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.platform.web.JsonRepresentation;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;

/**
 * The read side of the member-city catalogue: city lists and profiles answered from an immutable in-memory
 * snapshot instead of the database. The catalogue has about 400 cities and changes rarely, while its lists are
 * the most read part of the API.
 *
 * <p>The snapshot is built on demand in a few queries (cities, designations, fields, member counts,
 * coordinators) and dropped after every committed change that alters what a list or a profile shows:
 * {@link CityService.CityChanged} and {@link Changed} events are observed once their transaction has committed,
 * and the membership context calls {@link #invalidate()} after its own commits. A read that follows a write
 * therefore sees it (read-your-writes). A snapshot is only kept if nothing was invalidated while it was built,
 * so a read racing with a commit cannot keep stale data.
 *
 * <p>In a cluster, every such drop is told to the other nodes on the topic {@value #TOPIC}; each drops its own
 * snapshot and the creative fields its persistence provider caches, so that a change committed on one node shows in
 * every node's lists at once. A lost message leaves one node's lists stale until its next local change or restart.
 */
@ApplicationScoped
public class CityCatalogue {

    /**
     * Something shown in city lists or profiles changed outside the city aggregate (a creative field, a
     * coordinator's name, the seed). Fire it inside the changing transaction; the catalogue refreshes once
     * it has committed.
     *
     * @param what a short description, for the record
     */
    public record Changed(String what) {
    }

    /**
     * A city-list query.
     *
     * @param field          current field slug
     * @param country        ISO code, upper case
     * @param year           a designation year
     * @param text           free text on name and country, accents and case ignored; kept as the needle
     *                       searched for (folded, without LIKE wildcards)
     * @param includeRetired whether retired cities are listed
     * @param sort           the order
     */
    public record Query(Optional<String> field, Optional<String> country, Optional<Integer> year,
                        Optional<String> text, boolean includeRetired, Sort sort) {

        public Query {
            text = text.map(Query::needle);
        }

        /**
         * What free text looks for: folded like {@link City#fold}, without the characters that were LIKE
         * wildcards or escapes when the search ran in the database (there {@code %} and {@code _} were removed,
         * and a backslash made the next character literal).
         */
        private static String needle(String text) {
            String folded = City.fold(text).replace("%", "").replace("_", "");
            StringBuilder out = new StringBuilder(folded.length());
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                if (c == '\\') {
                    i++;
                    if (i < folded.length()) {
                        out.append(folded.charAt(i));
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        boolean matches(CatalogueSnapshot.Entry e) {
            CityRepository.CityRow c = e.row();
            return (includeRetired || c.retiredAt() == null)
                    && (field.isEmpty() || field.get().equals(c.field()))
                    && (country.isEmpty() || country.get().equals(c.countryCode()))
                    && (year.isEmpty() || e.years().contains(year.get()))
                    && (text.isEmpty() || c.searchKey().contains(text.get()));
        }
    }

    /**
     * The orders a list can have. Names compare as the database compared them (by UTF-16 code unit, no
     * collation); a missing year sorts first in ascending and last in descending order; ties keep the
     * order in which cities were created.
     */
    public enum Sort {
        NAME(Comparator.comparing(CityRepository.CityRow::name)),
        NAME_DESC(Comparator.comparing(CityRepository.CityRow::name, Comparator.reverseOrder())),
        COUNTRY(Comparator.comparing(CityRepository.CityRow::countryName)
                .thenComparing(CityRepository.CityRow::name)),
        COUNTRY_DESC(Comparator.comparing(CityRepository.CityRow::countryName, Comparator.reverseOrder())
                .thenComparing(CityRepository.CityRow::name)),
        YEAR(Comparator.comparing(CityRepository.CityRow::joinedYear, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CityRepository.CityRow::name)),
        YEAR_DESC(Comparator.comparing(CityRepository.CityRow::joinedYear,
                        Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
                .thenComparing(CityRepository.CityRow::name));

        private final Comparator<CityRepository.CityRow> order;

        Sort(Comparator<CityRepository.CityRow> order) {
            this.order = order;
        }

        Comparator<CityRepository.CityRow> order() {
            return order;
        }
    }

    /** The cluster topic that tells the other nodes to drop their snapshot. */
    static final String TOPIC = "catalogue.changed";

    @Inject
    private CatalogueLoader loader;

    @Inject
    private CityRepository cities;

    @Inject
    private Cluster cluster;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService background;

    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock building = new ReentrantLock();
    private volatile CatalogueSnapshot current;

    /** The slugs of every creative field, in display order. */
    public List<String> fieldSlugs() {
        return snapshot().fieldSlugs();
    }

    /** One page of the cities the query matches, with the total count. */
    public Page<CitySummary> list(Query query, PageRequest page) {
        return snapshot().list(query, page);
    }

    /** {@link #list}, serialised for the API. */
    public JsonRepresentation listJson(Query query, PageRequest page) {
        return snapshot().listJson(query, page);
    }

    /** Every active city that has coordinates, by name, as the network map needs them, serialised. */
    public JsonRepresentation mapJson() {
        return snapshot().mapJson();
    }

    /** A city's profile, retired or not, serialised for the API. */
    public Optional<JsonRepresentation> profileJson(String slug) {
        return snapshot().profileJson(slug);
    }

    /**
     * Forgets the snapshot: the next read builds a new one. Call it after a change has committed; a change
     * that is not committed yet is not seen by the rebuild.
     */
    public void invalidate() {
        generation.incrementAndGet();
        cluster.publish(TOPIC, "changed");
    }

    @PostConstruct
    void listen() {
        if (cluster.clustered()) {
            // Off the cluster's thread: the provider's cache is reached through the container's EntityManager.
            cluster.subscribe(TOPIC, message -> background.execute(this::changedElsewhere));
        }
    }

    /** Another node committed a change: forget the fields it may have renamed, then the snapshot. */
    private void changedElsewhere() {
        cities.evictCachedFields();
        generation.incrementAndGet();
    }

    void cityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CityService.CityChanged changed) {
        invalidate();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        invalidate();
    }

    /** After the seed import and the other start-up work, which write without events. */
    void started(@Observes @Priority(1000) Bootstrap.Started started) {
        generation.incrementAndGet();
    }

    private CatalogueSnapshot snapshot() {
        CatalogueSnapshot s = current;
        if (s != null && s.generation() == generation.get()) {
            return s;
        }
        building.lock();
        try {
            long g = generation.get();
            s = current;
            if (s != null && s.generation() == g) {
                return s;
            }
            s = loader.load(g, () -> generation.get() == g);
            current = s;
            return s;
        } finally {
            building.unlock();
        }
    }
}
