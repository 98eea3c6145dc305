package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.membership.Membership;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.events.domain.Event;

/**
 * Who may do what with an event. Coordinators are per city: a coordinator of one of an event's organising cities
 * manages it and decides its proposal; administrators may do anything; the person who proposed an event sees and
 * changes it. A published event is seen by everyone; a proposed or declined one only by those.
 */
@ApplicationScoped
public class EventAccess {

    @Inject
    private MembershipRepository memberships;

    /** The cities the account coordinates (active coordinator memberships). */
    public Set<Long> coordinated(long accountId) {
        return memberships.ofAccount(accountId).stream()
                .filter(m -> m.isActive() && m.role() == Membership.Role.COORDINATOR)
                .map(m -> m.city().id()).collect(Collectors.toSet());
    }

    /** The cities the account is an active member of, with any role. */
    public Set<Long> memberOf(long accountId) {
        return memberships.ofAccount(accountId).stream().filter(Membership::isActive)
                .map(m -> m.city().id()).collect(Collectors.toSet());
    }

    public boolean coordinates(Caller.Identity who, Event event) {
        Set<Long> mine = coordinated(who.id());
        return event.cityIds().stream().anyMatch(mine::contains);
    }

    public boolean canSee(Optional<Caller.Identity> who, Event event) {
        return event.isPublished() || who.map(w -> canEdit(w, event)).orElse(false);
    }

    /** The proposer, a coordinator of an organising city, or an administrator. */
    public boolean canEdit(Caller.Identity who, Event event) {
        return who.admin() || event.createdBy().filter(c -> c == who.id()).isPresent() || coordinates(who, event);
    }

    /** A coordinator of an organising city, or an administrator. */
    public boolean canDecide(Caller.Identity who, Event event) {
        return who.admin() || coordinates(who, event);
    }
}
