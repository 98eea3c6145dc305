package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.works.WorksException;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;

/**
 * Who writes a work with its creator: the creator invites co-authors, and a member of the space of a work open to
 * its space joins by themself.
 */
@ApplicationScoped
public class CoAuthors {

    @Inject
    private WorkRepository works;

    @Inject
    private WorkAccess access;

    @Inject
    private TimeSource time;

    @Inject
    private Event<WorkChanged> changed;

    @Inject
    private People people;

    @Inject
    private Event<WorkActivity> activity;


    /**
     * The creator invites a co-author (who hears of it: {@link WorkActivity#invitation}); a member of an open work's
     * space joins by themself.
     */
    @Transactional
    public Work addAuthor(Caller.Identity who, long id, Long accountId) {
        Work work = works.lock(id).filter(w -> !w.isDeleted()).filter(w -> access.canRead(Optional.of(who), w))
                .orElseThrow(() -> WorksException.notFound("Work", String.valueOf(id)));
        long joining = accountId == null ? who.id() : accountId;
        if (work.isCreator(who.id())) {
            if (people.person(joining).isEmpty()) {
                throw WorksException.invalid("accountId", "No account with id " + joining + ".");
            }
        } else if (joining != who.id()) {
            throw WorksException.forbidden("Only the work's creator invites co-authors.");
        } else if (!work.isOpenToSpace() || !access.isMemberOfSpace(who, work)) {
            throw WorksException.forbidden("This work is not open to you: its creator invites its co-authors.");
        }
        if (!work.addAuthor(joining, people.homeCity(joining).orElse(null), time.now())) {
            throw WorksException.conflict("Already an author", "That account is already an author of this work.");
        }
        if (joining != who.id()) {
            activity.fire(WorkActivity.invitation(who, work, joining));
        }
        changed.fire(new WorkChanged(work.id()));
        return work;
    }

}
