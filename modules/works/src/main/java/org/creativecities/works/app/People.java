package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.membership.Membership;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.works.WorksException;

/** What works need to know of the core's accounts, cities and fields, looked up through the core's repositories. */
@ApplicationScoped
public class People {

    /** A person as works show them. */
    public record Person(long id, String displayName) {
    }

    /** A city as works show it. */
    public record Place(long id, String slug, String name) {
    }

    @Inject
    private AccountRepository accounts;

    @Inject
    private MembershipRepository memberships;

    @Inject
    private CityRepository cities;

    public Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, Person> found = new HashMap<>();
        for (Account a : accounts.findByIds(ids)) {
            found.put(a.id(), new Person(a.id(), a.displayName()));
        }
        return found;
    }

    public Optional<Person> person(long id) {
        return accounts.findById(id).map(a -> new Person(a.id(), a.displayName()));
    }

    /** The city a person comes from: the city of their earliest active membership. */
    public Optional<Long> homeCity(long accountId) {
        return memberships.ofAccount(accountId).stream().filter(Membership::isActive)
                .sorted(java.util.Comparator.comparing(Membership::requestedAt))
                .map(m -> m.city().id()).findFirst();
    }

    public Optional<Place> city(long id) {
        return cities.findById(id).map(c -> new Place(c.id(), c.slug(), c.name()));
    }

    public City citySlug(String field, String slug) {
        return cities.findBySlug(slug).orElseThrow(() -> WorksException.invalid(field, "No city '" + slug + "'."));
    }

    public Optional<City> findCity(String slug) {
        return cities.findBySlug(slug);
    }

    public CreativeField fieldSlug(String field, String slug) {
        return cities.findField(slug).orElseThrow(() -> WorksException.invalid(field, "No creative field '" + slug
                + "'."));
    }

    public Optional<CreativeField> findField(String slug) {
        return cities.findField(slug);
    }

    /** Field slugs by id. */
    public Map<Long, String> fieldSlugs() {
        Map<Long, String> slugs = new HashMap<>();
        cities.fields().forEach(f -> slugs.put(f.id(), f.slug()));
        return slugs;
    }
}
