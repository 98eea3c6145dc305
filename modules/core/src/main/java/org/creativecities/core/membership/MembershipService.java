package org.creativecities.core.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityCatalogue;
import org.creativecities.core.city.CityService;
import org.creativecities.core.city.CommunityDirectory;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.AccountService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.ProblemException;

/**
 * The rules of city communities: joining, approving, removing and roles. Each operation checks the
 * caller's rights for <em>this</em> city: a coordinator of one city has no say in another.
 */
@ApplicationScoped
public class MembershipService implements CommunityDirectory {

    /**
     * Something changed in a city's community.
     *
     * @param citySlug  the city
     * @param accountId whose membership
     * @param kind      joined, requested, approved, rejected, left, removed or role
     */
    public record MembershipChanged(String citySlug, long accountId, String kind) {
    }

    /** A profile shows at most this many coordinators. */
    private static final int MAX_COORDINATORS_SHOWN = 100;

    @Inject
    private MembershipRepository memberships;

    @Inject
    private CityCatalogue catalogue;

    @Inject
    private CityService cities;

    @Inject
    private AccountService accounts;

    @Inject
    private TimeSource time;

    @Inject
    private jakarta.enterprise.inject.Instance<JoinGuard> guards;

    @Inject
    private Event<MembershipChanged> changed;

    @Inject
    private Event<AdminChange> audit;

    @Transactional
    public Membership join(Caller caller, String citySlug) {
        Caller.Identity who = caller.require();
        City city = cities.get(citySlug);
        if (city.isRetired()) {
            throw ProblemException.conflict("City retired", city.name() + " no longer takes members.");
        }
        for (JoinGuard guard : guards) {
            guard.refusal(city.slug(), who.id(), who.displayName()).ifPresent(reason -> {
                throw ProblemException.forbidden("Joining " + city.name() + " was " + reason + ".");
            });
        }
        boolean open = city.joinPolicy() == City.JoinPolicy.OPEN;
        Optional<Membership> existing = memberships.find(city.id(), who.id());
        Membership m;
        if (existing.isPresent()) {
            m = existing.get();
            switch (m.status()) {
                case ACTIVE -> throw ProblemException.conflict("Already a member",
                        "You are already a member of " + city.name() + ".");
                case PENDING -> throw ProblemException.conflict("Request pending",
                        "Your request to join " + city.name() + " is waiting for a coordinator.");
                case REJECTED -> m.request(open, time.now());
                default -> throw new IllegalStateException(m.status().name());
            }
        } else {
            Account account = accounts.find(who.id());
            m = memberships.add(new Membership(city, account, Membership.Role.MEMBER,
                    open ? Membership.Status.ACTIVE : Membership.Status.PENDING, time.now()));
        }
        changed.fire(new MembershipChanged(citySlug, who.id(), open ? "joined" : "requested"));
        return m;
    }

    @Transactional
    public void leave(Caller caller, String citySlug) {
        Caller.Identity who = caller.require();
        City city = cities.get(citySlug);
        Membership m = memberships.find(city.id(), who.id()).orElseThrow(() -> ProblemException.notFound(
                "Membership", citySlug + "/" + who.id()));
        memberships.remove(m);
        changed.fire(new MembershipChanged(citySlug, who.id(), "left"));
    }

    @Transactional
    public Page<Membership> members(String citySlug, Optional<Membership.Role> role, PageRequest page) {
        City city = cities.get(citySlug);
        return page.of(memberships.ofCity(city.id(), Membership.Status.ACTIVE, role, page.offset(), page.size()),
                memberships.countOfCity(city.id(), Membership.Status.ACTIVE, role));
    }

    @Transactional
    public Page<Membership> requests(Caller caller, String citySlug, PageRequest page) {
        City city = cities.get(citySlug);
        requireCoordinatorOrAdmin(caller, city);
        return page.of(memberships.ofCity(city.id(), Membership.Status.PENDING, Optional.empty(), page.offset(),
                page.size()), memberships.countOfCity(city.id(), Membership.Status.PENDING, Optional.empty()));
    }

    @Transactional
    public Membership decide(Caller caller, String citySlug, long accountId, boolean approve) {
        City city = cities.get(citySlug);
        Caller.Identity who = requireCoordinatorOrAdmin(caller, city);
        Membership m = memberships.find(city.id(), accountId)
                .filter(x -> x.status() == Membership.Status.PENDING)
                .orElseThrow(() -> ProblemException.notFound("Join request", citySlug + "/" + accountId));
        m.decide(approve, who.id(), time.now());
        changed.fire(new MembershipChanged(citySlug, accountId, approve ? "approved" : "rejected"));
        return m;
    }

    @Transactional
    public void remove(Caller caller, String citySlug, long accountId) {
        City city = cities.get(citySlug);
        Caller.Identity who = requireCoordinatorOrAdmin(caller, city);
        Membership m = memberships.find(city.id(), accountId)
                .orElseThrow(() -> ProblemException.notFound("Member", citySlug + "/" + accountId));
        if (m.role() == Membership.Role.COORDINATOR && !who.admin() && who.id() != accountId) {
            throw ProblemException.forbidden("Only administrators can remove a coordinator.");
        }
        memberships.remove(m);
        changed.fire(new MembershipChanged(citySlug, accountId, "removed"));
    }

    @Transactional
    public Membership assignRole(Caller caller, String citySlug, long accountId, Membership.Role role) {
        City city = cities.get(citySlug);
        Caller.Identity who = requireCoordinatorOrAdmin(caller, city);
        Membership m = memberships.find(city.id(), accountId).filter(Membership::isActive)
                .orElseThrow(() -> ProblemException.notFound("Member", citySlug + "/" + accountId));
        boolean demotion = m.role() == Membership.Role.COORDINATOR && role == Membership.Role.MEMBER;
        if (demotion && !who.admin() && who.id() != accountId) {
            throw ProblemException.forbidden("Only administrators can demote another coordinator.");
        }
        Membership.Role before = m.role();
        m.assign(role);
        changed.fire(new MembershipChanged(citySlug, accountId, "role"));
        audit.fire(new AdminChange("city.role", "account " + accountId + " in " + city.slug(), before.name(),
                role.name()));
        return m;
    }

    @Transactional
    public List<Membership> of(long accountId) {
        return memberships.ofAccount(accountId);
    }

    private Caller.Identity requireCoordinatorOrAdmin(Caller caller, City city) {
        Caller.Identity who = caller.require();
        if (!who.admin() && !isCoordinator(who.id(), city.id())) {
            throw ProblemException.forbidden("Only coordinators of " + city.name() + " and administrators can do this.");
        }
        return who;
    }

    @Override
    public long memberCount(long cityId) {
        return memberships.countOfCity(cityId, Membership.Status.ACTIVE, Optional.empty());
    }

    @Override
    @Transactional
    public Map<Long, Long> memberCounts() {
        return memberships.activeMembersPerCity();
    }

    @Override
    @Transactional
    public Map<Long, List<Coordinator>> coordinatorsByCity() {
        Map<Long, List<Coordinator>> byCity = new HashMap<>();
        for (MembershipRepository.RoleHolder h : memberships.activeWithRole(Membership.Role.COORDINATOR)) {
            List<Coordinator> list = byCity.computeIfAbsent(h.cityId(), id -> new ArrayList<>());
            if (list.size() < MAX_COORDINATORS_SHOWN) {
                list.add(new Coordinator(h.accountId(), h.displayName()));
            }
        }
        byCity.replaceAll((id, list) -> List.copyOf(list));
        return byCity;
    }

    /** The city catalogue shows member counts and coordinators: it must not show them stale after a change. */
    void communityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged changed) {
        catalogue.invalidate();
    }

    @Override
    public List<Coordinator> coordinators(long cityId) {
        return memberships.ofCity(cityId, Membership.Status.ACTIVE, Optional.of(Membership.Role.COORDINATOR), 0,
                        MAX_COORDINATORS_SHOWN)
                .stream().map(m -> new Coordinator(m.account().id(), m.account().displayName())).toList();
    }

    @Override
    public boolean isCoordinator(long accountId, long cityId) {
        return memberships.find(cityId, accountId)
                .filter(m -> m.isActive() && m.role() == Membership.Role.COORDINATOR).isPresent();
    }
}
