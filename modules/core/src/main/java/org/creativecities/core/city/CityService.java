package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.creativecities.core.city.CityDtos.CityProfile;
import org.creativecities.core.city.CityDtos.CityUpdate;
import org.creativecities.core.city.CityDtos.DesignationView;
import org.creativecities.core.city.CityDtos.NewCity;
import org.creativecities.core.city.CityDtos.NewDesignation;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.ProblemException;

/**
 * The catalogue's use cases: reading profiles, and the administration of cities and their designations.
 * Every change checks the caller's rights here, on the server. A {@link CityChanged} event follows every
 * committed change.
 */
@ApplicationScoped
public class CityService {

    /**
     * A city was created or changed.
     *
     * @param slug the city's slug
     * @param kind what happened: created, updated, retired, reinstated or designated
     */
    public record CityChanged(String slug, String kind) {
    }

    @Inject
    private CityRepository cities;

    @Inject
    private CommunityDirectory community;

    @Inject
    private TimeSource time;

    @Inject
    private Event<CityChanged> changed;

    @Inject
    private Event<AdminChange> audit;

    public City get(String slug) {
        return cities.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("City", slug));
    }

    CityProfile profileOf(City c) {
        List<DesignationView> history = c.designations().stream()
                .map(d -> new DesignationView(d.field().slug(), d.field().name(), d.year())).toList();
        return CityProfile.of(CityRepository.CityRow.of(c), history, community.memberCount(c.id()),
                community.coordinators(c.id()));
    }

    @Transactional
    public CityProfile create(Caller caller, NewCity body) {
        caller.requireAdmin();
        Country country = country(body.countryCode(), body.countryName());
        if (cities.findByNameAndCountry(body.name().trim(), country.code()).isPresent()) {
            throw ProblemException.conflict("City exists",
                    body.name() + " (" + country.code() + ") is already in the catalogue.");
        }
        checkCoordinates(body.latitude(), body.longitude());
        OffsetDateTime now = time.now();
        City city = new City(uniqueSlug(body.name(), country.code()), body.name(), country, now);
        city.locate(body.latitude(), body.longitude(), now);
        city.describe(body.description(), now);
        city.linkWebsite(body.website(), now);
        if (body.joinPolicy() != null) {
            city.setJoinPolicy(body.joinPolicy(), now);
        }
        if (body.designations() != null) {
            for (NewDesignation d : body.designations()) {
                city.designate(field(d.field()), d.year(), now);
            }
        }
        cities.add(city);
        changed.fire(new CityChanged(city.slug(), "created"));
        audit.fire(new AdminChange("city.create", "city " + city.slug(), null, describe(city)));
        return profileOf(city);
    }

    @Transactional
    public CityProfile update(Caller caller, String slug, CityUpdate body) {
        City city = get(slug);
        Caller.Identity who = caller.require();
        if (!who.admin()) {
            if (!community.isCoordinator(who.id(), city.id())) {
                throw ProblemException.forbidden("Only administrators and the city's coordinators can change it.");
            }
            if (!body.touchesOnlyCommunityFacts()) {
                throw ProblemException.forbidden("Coordinators can change the description, website and join "
                        + "policy; name, country, coordinates and retirement are for administrators.");
            }
        }
        OffsetDateTime now = time.now();
        String before = describe(city);
        if (body.name() != null && !body.name().trim().equals(city.name())) {
            String code = body.countryCode() != null ? body.countryCode() : city.country().code();
            if (cities.findByNameAndCountry(body.name().trim(), code).isPresent()) {
                throw ProblemException.conflict("City exists", body.name() + " (" + code + ") is already in the catalogue.");
            }
            city.rename(body.name(), now);
        }
        if (body.countryCode() != null || body.countryName() != null) {
            city.moveTo(country(body.countryCode() != null ? body.countryCode() : city.country().code(),
                    body.countryName()), now);
        }
        if (body.latitude() != null || body.longitude() != null) {
            BigDecimal lat = body.latitude() != null ? body.latitude() : city.latitude().orElse(null);
            BigDecimal lon = body.longitude() != null ? body.longitude() : city.longitude().orElse(null);
            checkCoordinates(lat, lon);
            city.locate(lat, lon, now);
        }
        if (body.description() != null) {
            city.describe(body.description().isBlank() ? null : body.description(), now);
        }
        if (body.website() != null) {
            city.linkWebsite(body.website(), now);
        }
        if (body.joinPolicy() != null) {
            city.setJoinPolicy(body.joinPolicy(), now);
        }
        String kind = "updated";
        if (Boolean.TRUE.equals(body.retired())) {
            city.retire(now);
            kind = "retired";
        } else if (Boolean.FALSE.equals(body.retired())) {
            city.reinstate(now);
            kind = "reinstated";
        }
        changed.fire(new CityChanged(city.slug(), kind));
        audit.fire(new AdminChange("city.update", "city " + city.slug(), before, describe(city)));
        return profileOf(city);
    }

    @Transactional
    public void retire(Caller caller, String slug) {
        caller.requireAdmin();
        City city = get(slug);
        String before = describe(city);
        city.retire(time.now());
        changed.fire(new CityChanged(slug, "retired"));
        audit.fire(new AdminChange("city.retire", "city " + city.slug(), before, describe(city)));
    }

    @Transactional
    public CityProfile designate(Caller caller, String slug, NewDesignation body) {
        caller.requireAdmin();
        City city = get(slug);
        if (!city.designate(field(body.field()), body.year(), time.now())) {
            throw ProblemException.conflict("Designation exists",
                    city.name() + " already has " + body.field() + " in " + body.year() + ".");
        }
        changed.fire(new CityChanged(slug, "designated"));
        audit.fire(new AdminChange("city.designate", "city " + city.slug(), null, body.field() + " " + body.year()));
        return profileOf(city);
    }

    /** A city's editable facts, for the audit log's before and after. */
    private static String describe(City c) {
        return "name=" + c.name() + "; country=" + c.country().code() + "; latitude="
                + c.latitude().map(Object::toString).orElse("") + "; longitude="
                + c.longitude().map(Object::toString).orElse("") + "; website=" + c.website().orElse("")
                + "; joinPolicy=" + c.joinPolicy() + "; retired=" + c.isRetired() + "; description="
                + c.description().orElse("");
    }

    CreativeField field(String slug) {
        return cities.findField(slug).orElseThrow(() -> ProblemException.invalidField("field",
                "unknown creative field '" + slug + "'"));
    }

    private static Country country(String code, String name) {
        if (!Country.isValidCode(code)) {
            throw ProblemException.invalidField("countryCode", "'" + code + "' is not an ISO 3166-1 alpha-2 code");
        }
        return new Country(code, name == null ? null : name.trim());
    }

    private static void checkCoordinates(BigDecimal lat, BigDecimal lon) {
        if ((lat == null) != (lon == null)) {
            throw ProblemException.invalidField(lat == null ? "latitude" : "longitude",
                    "give latitude and longitude together");
        }
    }

    /** The plain slug of the name if free, else with the country code, else numbered. */
    String uniqueSlug(String name, String countryCode) {
        return City.uniqueSlug(name, countryCode, cities::slugExists);
    }
}
