package org.creativecities.citypages.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.creativecities.citypages.CityPageException;
import org.creativecities.citypages.domain.BrandPage;
import org.creativecities.citypages.domain.PageVersion;
import org.creativecities.citypages.domain.PageVersionRepository;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityService;
import org.creativecities.core.city.CommunityDirectory;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;

/**
 * The brand page's use cases: read a city's page, edit it (coordinators of the city and administrators, checked
 * again here whatever the web layer did), list and read its versions. An edit names the version it was based on
 * (If-Match); a stale one is refused with 412, and the database's unique version number refuses the loser of two
 * simultaneous edits of the same version. An edit that changes nothing saves nothing. A {@link PageEdited} event follows every committed edit.
 */
@ApplicationScoped
public class BrandService {

    /** Most versions listed. */
    public static final int MAX_VERSIONS = 200;

    /**
     * A city's page was edited.
     *
     * @param citySlug the city
     * @param version  the new version's number
     */
    public record PageEdited(String citySlug, int version) {
    }

    /**
     * A city with its current page.
     *
     * @param city    the city
     * @param page    its page (empty when nobody wrote it yet)
     * @param current the current version, if any
     */
    public record CityPage(City city, BrandPage page, Optional<PageVersion> current) {

        /** The version number the next edit is based on: 0 before the first edit. */
        public int version() {
            return current.map(PageVersion::number).orElse(0);
        }
    }

    @Inject
    private CityService cities;

    @Inject
    private CommunityDirectory community;

    @Inject
    private PageVersionRepository versions;

    @Inject
    private BrandRules rules;

    @Inject
    private TimeSource time;

    @Inject
    private Event<PageEdited> edited;

    /** The city's current page; 404 for an unknown or retired city. */
    @Transactional
    public CityPage page(String slug) {
        City city = city(slug);
        Optional<PageVersion> current = versions.latest(city.id());
        return new CityPage(city, current.map(PageVersion::page).orElse(BrandPage.EMPTY), current);
    }

    /**
     * Applies an edit as {@code who}, based on version {@code basedOn} if given.
     *
     * @return the page after the edit
     */
    @Transactional
    public CityPage edit(Caller.Identity who, String slug, Optional<Integer> basedOn, BrandDtos.BrandEdit edit) {
        CityPage before = page(slug);
        if (!who.admin() && !community.isCoordinator(who.id(), before.city().id())) {
            throw new CityPageException(403, "Not allowed", "Only coordinators of " + before.city().name()
                    + " and administrators can edit its page.", List.of());
        }
        if (basedOn.isPresent() && basedOn.get() != before.version()) {
            throw CityPageException.stale(before.version());
        }
        BrandPage after = rules.apply(before.page(), edit);
        if (after.equals(before.page())) {
            return before;
        }
        OffsetDateTime now = time.now();
        PageVersion saved = new PageVersion(before.city().id(), before.version() + 1, after, who.id(),
                who.displayName(), now);
        try {
            versions.add(saved);
        } catch (PersistenceException e) {
            throw CityPageException.stale(before.version() + 1);
        }
        edited.fire(new PageEdited(slug, saved.number()));
        return new CityPage(before.city(), after, Optional.of(saved));
    }

    /** The city's versions, newest first. */
    @Transactional
    public List<PageVersion> versions(String slug) {
        return versions.list(city(slug).id(), MAX_VERSIONS);
    }

    /** One version of the city's page; 404 if it has no such version. */
    @Transactional
    public PageVersion version(String slug, int number) {
        return versions.find(city(slug).id(), number)
                .orElseThrow(() -> CityPageException.notFound("Version", slug + "/" + number));
    }

    private City city(String slug) {
        City city = cities.get(slug);
        if (city.isRetired()) {
            throw CityPageException.notFound("City", slug);
        }
        return city;
    }
}
