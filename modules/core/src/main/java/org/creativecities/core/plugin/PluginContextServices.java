package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityCatalogue;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.membership.Membership;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.plugin.api.CityLookup.CityInfo;

/**
 * The core's side of the services in a plugin's {@link org.creativecities.plugin.api.ModuleContext}:
 * read-only queries, each its own transaction, returning plugin-API values and never entities.
 */
@ApplicationScoped
@Transactional
public class PluginContextServices {

    @Inject
    private CityRepository cities;

    @Inject
    private CityCatalogue catalogue;

    @Inject
    private MembershipRepository memberships;

    @Inject
    private AccountRepository accounts;

    @Inject
    private PluginDataStore data;

    @Inject
    private PluginStates states;

    @Inject
    private TimeSource time;

    @Inject
    private Instance<PluginFileStore> fileStores;

    @Inject
    private PluginTimerService timers;

    @Inject
    private Instance<PluginWorkStore> workStores;

    /** The logger name of a plugin. */
    static String loggerName(String pluginId) {
        return "ccc.plugin." + pluginId;
    }

    public Optional<CityInfo> city(String slug) {
        return cities.findBySlug(slug).map(PluginContextServices::info);
    }

    public List<CityInfo> citiesInField(String fieldSlug) {
        CityCatalogue.Query query = new CityCatalogue.Query(Optional.of(fieldSlug), Optional.empty(),
                Optional.empty(), Optional.empty(), false, CityCatalogue.Sort.NAME);
        return catalogue.list(query, new PageRequest(1, 10_000)).items().stream()
                .map(c -> new CityInfo(c.slug(), c.name(), c.country().code(), Optional.ofNullable(c.field()),
                        c.retired()))
                .toList();
    }

    private static CityInfo info(City c) {
        return new CityInfo(c.slug(), c.name(), c.country().code(), c.currentField().map(CreativeField::slug),
                c.isRetired());
    }

    public boolean isMember(long accountId, String citySlug) {
        return membership(accountId, citySlug).filter(Membership::isActive).isPresent();
    }

    public boolean isCoordinator(long accountId, String citySlug) {
        return membership(accountId, citySlug)
                .filter(m -> m.isActive() && m.role() == Membership.Role.COORDINATOR).isPresent();
    }

    private Optional<Membership> membership(long accountId, String citySlug) {
        return cities.findBySlug(citySlug).flatMap(c -> memberships.find(c.id(), accountId));
    }

    public Optional<String> displayName(long accountId) {
        return accounts.findById(accountId).map(Account::displayName);
    }

    /** The media context's store for plugins, if this build has one. */
    Optional<PluginFileStore> fileStore() {
        return fileStores.isResolvable() ? Optional.of(fileStores.get()) : Optional.empty();
    }

    /** The works context's store for plugins, if this build has one. */
    Optional<PluginWorkStore> workStore() {
        return workStores.isResolvable() ? Optional.of(workStores.get()) : Optional.empty();
    }

    PluginDataStore data() {
        return data;
    }

    PluginStates states() {
        return states;
    }

    TimeSource time() {
        return time;
    }

    PluginTimerService timers() {
        return timers;
    }
}
