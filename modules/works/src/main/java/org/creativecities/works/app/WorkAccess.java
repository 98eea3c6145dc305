package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.space.Space;
import org.creativecities.core.space.SpaceRepository;
import org.creativecities.core.space.SpaceRules;
import org.creativecities.works.WorksException;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;

/**
 * Who may see and change a work. Readers: its authors always; a draft nobody else, except the members of its space
 * when it is open (so that they can join); a work published to everyone, everyone, anonymous visitors included; a
 * work published to a space, that space's readers (the core's space rules). Administrators see every work, deleted
 * ones too (to undo a deletion). Everyone else is told the work does not exist (404), never that it is hidden.
 */
@ApplicationScoped
public class WorkAccess {

    @Inject
    private WorkRepository works;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private SpaceRepository spaces;

    @Inject
    private AccountRepository accounts;

    /** The identity of an account, for checks made outside a request (live co-editing). */
    public Optional<Caller.Identity> identityOf(long accountId) {
        return accounts.findById(accountId).map(a -> new Caller.Identity(a.id(), a.displayName(), a.isAdmin(), null));
    }

    public boolean canRead(Optional<Caller.Identity> who, Work work) {
        if (who.map(Caller.Identity::admin).orElse(false)) {
            return true;
        }
        if (work.isDeleted()) {
            return false;
        }
        if (who.isPresent() && work.isAuthor(who.get().id())) {
            return true;
        }
        if (!work.isPublished()) {
            return who.isPresent() && work.isOpenToSpace() && isMemberOfSpace(who.get(), work);
        }
        if (work.audience().orElse(Work.Audience.EVERYONE) == Work.Audience.EVERYONE) {
            return true;
        }
        return work.spaceId().flatMap(spaces::find).map(s -> spaceRules.canRead(who, s)).orElse(false);
    }

    /** Whether the person is a member of the work's space (for open works). */
    public boolean isMemberOfSpace(Caller.Identity who, Work work) {
        return work.spaceId().flatMap(spaces::find).map(s -> spaceRules.isMember(who, s)).orElse(false);
    }

    /** The work if the caller may read it and it is not deleted; otherwise 404. */
    public Work readable(Optional<Caller.Identity> who, long id) {
        return works.find(id).filter(w -> !w.isDeleted()).filter(w -> canRead(who, w))
                .orElseThrow(() -> WorksException.notFound("Work", String.valueOf(id)));
    }

    /** The work, locked, if the caller is one of its authors; 404 if they may not read it, 403 if only read. */
    public Work editable(Caller.Identity who, long id) {
        Work work = works.lock(id).filter(w -> !w.isDeleted()).filter(w -> canRead(Optional.of(who), w))
                .orElseThrow(() -> WorksException.notFound("Work", String.valueOf(id)));
        if (!work.isAuthor(who.id())) {
            throw WorksException.forbidden("Only the work's authors can change it.");
        }
        return work;
    }

    /** The spaces with published works that the caller may read. */
    public Set<Long> readableSpaces(Optional<Caller.Identity> who) {
        Set<Long> readable = new HashSet<>();
        for (Long spaceId : works.spacesPublishedTo()) {
            if (spaceId != null && spaces.find(spaceId).map(s -> spaceRules.canRead(who, s)).orElse(false)) {
                readable.add(spaceId);
            }
        }
        return readable;
    }

    /** The space, if the person may read it; 404 otherwise. */
    public Space readableSpace(Caller.Identity who, long spaceId) {
        return readableSpace(Optional.of(who), spaceId);
    }

    /** The space, if the caller (perhaps anonymous) may read it; 404 otherwise. */
    public Space readableSpace(Optional<Caller.Identity> who, long spaceId) {
        return spaces.find(spaceId).filter(s -> spaceRules.canRead(who, s))
                .orElseThrow(() -> WorksException.notFound("Space", String.valueOf(spaceId)));
    }

    public boolean isMember(Caller.Identity who, Space space) {
        return spaceRules.isMember(who, space);
    }
}
