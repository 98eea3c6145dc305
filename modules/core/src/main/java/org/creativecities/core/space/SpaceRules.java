package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.membership.Membership;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Who may do what in a space and its rooms. Members of a space: for a city space, the active members of the city;
 * for a network space of a field, the active members of any city currently designated in that field; for an owned
 * space (a project's), whom its {@link SpaceOwner} names; administrators always. Readers of a public space:
 * everyone, except those banned from it. Readers of a members-only space: its members only; to everybody else it
 * does not exist (404). Managers: the city's coordinators and administrators for a city space, administrators for a
 * network space, whom the owner names (and administrators) for an owned space. Every check reads the current
 * membership and sanctions: nothing is cached here.
 */
@ApplicationScoped
public class SpaceRules {

    @Inject
    private MembershipRepository memberships;

    @Inject
    private ModerationService moderation;

    @Inject
    private OwnedSpaces owned;

    /** Whether the person is a member of the space (see the class comment). */
    public boolean isMember(Caller.Identity who, Space space) {
        if (who.admin()) {
            return true;
        }
        if (space.city().isPresent()) {
            return memberships.find(space.city().get().id(), who.id()).filter(Membership::isActive).isPresent();
        }
        if (OwnedSpaces.owned(space)) {
            return owned.rights(space, who.id()).member();
        }
        String field = space.fieldSlug().orElse("");
        return memberships.ofAccount(who.id()).stream().filter(Membership::isActive)
                .anyMatch(m -> m.city().currentField().map(f -> f.slug().equals(field)).orElse(false));
    }

    /** Whether the person (or an anonymous visitor, when empty) may read the space. */
    public boolean canRead(Optional<Caller.Identity> who, Space space) {
        if (who.isPresent() && !who.get().admin() && moderation.isBannedFromSpace(who.get().id(), space)) {
            return false;
        }
        return space.visibility() == Space.Visibility.PUBLIC || who.map(w -> isMember(w, space)).orElse(false);
    }

    /** Whether the person may read the room: they may read its space and are not banned from the room. */
    public boolean canReadRoom(Optional<Caller.Identity> who, Room room) {
        return canRead(who, room.space()) && who.filter(w -> !w.admin())
                .map(w -> !moderation.isSanctioned(w.id(), room, Sanction.Kind.BAN)).orElse(true);
    }

    /** Whether the person manages the space (see the class comment); never an anonymous visitor. */
    public boolean canManage(Optional<Caller.Identity> who, Space space) {
        if (who.isEmpty()) {
            return false;
        }
        Caller.Identity w = who.get();
        if (w.admin()) {
            return true;
        }
        if (OwnedSpaces.owned(space)) {
            return owned.rights(space, w.id()).manager();
        }
        return isCoordinator(w, space);
    }

    /** Why the person may not post in the room now, or empty when they may. */
    public Optional<String> postRefusal(Caller.Identity who, Room room) {
        Space space = room.space();
        if (!isMember(who, space)) {
            return Optional.of("only members of " + space.name() + " can post here");
        }
        if (room.isArchived() || space.isArchived()) {
            return Optional.of("the room is archived");
        }
        if (room.isLocked() && !canManage(Optional.of(who), space)) {
            return Optional.of("the room is locked");
        }
        if (moderation.isSanctioned(who.id(), room, Sanction.Kind.MUTE)) {
            return Optional.of("you are muted here");
        }
        return Optional.empty();
    }

    /** The person as a room kind sees them. */
    public RoomKinds.Participant participant(Caller.Identity who, Space space) {
        return new RoomKinds.Participant(who.id(), who.displayName(), isCoordinator(who, space), who.admin());
    }

    /** Whether the person is an active coordinator of the space's city (never for a network space). */
    public boolean isCoordinator(Caller.Identity who, Space space) {
        return space.city().flatMap(c -> memberships.find(c.id(), who.id()))
                .filter(m -> m.isActive() && m.role() == Membership.Role.COORDINATOR).isPresent();
    }

    /** Refuses with 403 anyone who does not manage the space. */
    void requireManager(Caller.Identity who, Space space) {
        if (!canManage(Optional.of(who), space)) {
            throw ProblemException.forbidden(space.city().isPresent()
                    ? "Only coordinators of " + space.city().get().name() + " and administrators can do this."
                    : OwnedSpaces.owned(space) ? "Only the managers of " + space.name() + " can do this."
                    : "Only network administrators can manage network spaces.");
        }
    }
}
