package org.creativecities.core.city;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.creativecities.core.city.CityDtos.CityProfile;
import org.creativecities.core.city.CityDtos.CitySummary;
import org.creativecities.core.city.CityDtos.DesignationView;
import org.creativecities.core.platform.web.JsonRepresentation;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;

/**
 * The whole catalogue at one moment, immutable: every city (retired ones included) with its list entry and its
 * profile, the cities in each list order, and the known field slugs. Lists are filtered, sorted and paged here
 * with the semantics the database query had: free text is matched, accents and case ignored, against name,
 * country name and country code; the field filter is on the current field; the year filter on any designation.
 *
 * <p>Serialised responses are kept alongside, so a repeated request costs a map lookup; they go away with the
 * snapshot when the catalogue changes. They are {@linkplain JsonRepresentation#shared shared}: public, the same for
 * every visitor, and current for as long as the snapshot is, so repeated anonymous requests are answered before
 * JAX-RS.
 */
final class CatalogueSnapshot {

    /** At most this many different list responses are kept per snapshot; beyond, lists are serialised each time. */
    private static final int MAX_CACHED_LISTS = 512;

    /**
     * One city.
     *
     * @param row     its columns
     * @param years   the years of its designations
     * @param summary its list entry
     * @param profile its profile
     */
    record Entry(CityRepository.CityRow row, Set<Integer> years, CitySummary summary, CityProfile profile) {
    }

    private final long generation;
    private final BooleanSupplier current;
    private final List<String> fieldSlugs;
    private final Map<String, Entry> bySlug;
    private final Map<CityCatalogue.Sort, List<Entry>> ordered = new EnumMap<>(CityCatalogue.Sort.class);
    private final Map<ListKey, JsonRepresentation> lists = new ConcurrentHashMap<>();
    private final Map<String, JsonRepresentation> profiles = new ConcurrentHashMap<>();
    private final JsonRepresentation map;

    private record ListKey(CityCatalogue.Query query, PageRequest page) {
    }

    CatalogueSnapshot(long generation, BooleanSupplier current, List<String> fieldSlugs,
                      List<CityRepository.CityRow> cities, List<CityRepository.DesignationRow> designations,
                      Map<Long, Long> memberCounts,
                      Map<Long, List<CommunityDirectory.Coordinator>> coordinators) {
        this.generation = generation;
        this.current = current;
        this.fieldSlugs = List.copyOf(fieldSlugs);
        Map<Long, List<DesignationView>> history = new HashMap<>();
        for (CityRepository.DesignationRow d : designations) {
            history.computeIfAbsent(d.cityId(), id -> new ArrayList<>())
                    .add(new DesignationView(d.field(), d.fieldName(), d.year()));
        }
        Map<String, Entry> entries = new HashMap<>();
        List<Entry> all = new ArrayList<>(cities.size());
        for (CityRepository.CityRow c : cities) {
            List<DesignationView> mine = List.copyOf(history.getOrDefault(c.id(), List.of()));
            CitySummary summary = CitySummary.of(c);
            CityProfile profile = CityProfile.of(c, mine, memberCounts.getOrDefault(c.id(), 0L),
                    coordinators.getOrDefault(c.id(), List.of()));
            Set<Integer> years = Set.copyOf(mine.stream().map(DesignationView::year).toList());
            Entry e = new Entry(c, years, summary, profile);
            entries.put(c.slug(), e);
            all.add(e);
        }
        this.bySlug = Map.copyOf(entries);
        for (CityCatalogue.Sort sort : CityCatalogue.Sort.values()) {
            Comparator<CityRepository.CityRow> order = sort.order().thenComparingLong(CityRepository.CityRow::id);
            ordered.put(sort, all.stream().sorted(Comparator.comparing(Entry::row, order)).toList());
        }
        this.map = JsonRepresentation.shared(ordered.get(CityCatalogue.Sort.NAME).stream().map(Entry::row)
                .filter(c -> c.retiredAt() == null && c.latitude() != null && c.longitude() != null)
                .map(CityDtos.MapPoint::of).toList(), current);
    }

    /** Which invalidation this snapshot was built after. */
    long generation() {
        return generation;
    }

    /** The slugs of every creative field, in display order. */
    List<String> fieldSlugs() {
        return fieldSlugs;
    }

    /** One page of the cities the query matches, with the number of all matches. */
    Page<CitySummary> list(CityCatalogue.Query query, PageRequest page) {
        long from = (long) (page.page() - 1) * page.size();
        List<CitySummary> items = new ArrayList<>(Math.min(page.size(), 64));
        long total = 0;
        for (Entry e : ordered.get(query.sort())) {
            if (query.matches(e)) {
                if (total >= from && items.size() < page.size()) {
                    items.add(e.summary());
                }
                total++;
            }
        }
        return page.of(List.copyOf(items), total);
    }

    /** {@link #list} serialised, kept for the next identical request. */
    JsonRepresentation listJson(CityCatalogue.Query query, PageRequest page) {
        ListKey key = new ListKey(query, page);
        JsonRepresentation cached = lists.get(key);
        if (cached != null) {
            return cached;
        }
        JsonRepresentation fresh = JsonRepresentation.shared(list(query, page), current);
        if (lists.size() < MAX_CACHED_LISTS) {
            lists.putIfAbsent(key, fresh);
        }
        return fresh;
    }

    /** Every active city that has coordinates, by name, serialised for the network map. */
    JsonRepresentation mapJson() {
        return map;
    }

    /** A city's profile, retired or not, serialised and kept for the next request. */
    Optional<JsonRepresentation> profileJson(String slug) {
        Entry e = bySlug.get(slug);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(profiles.computeIfAbsent(slug, s -> JsonRepresentation.shared(e.profile(), current)));
    }
}
