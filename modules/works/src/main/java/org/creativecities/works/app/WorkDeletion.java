package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.works.WorksException;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;

/**
 * Deleting a work, softly: its creator or an administrator deletes it, and an administrator can undo that within
 * {@link #UNDO_WINDOW}.
 */
@ApplicationScoped
public class WorkDeletion {

    /** How long an administrator can undo a deletion. */
    public static final Duration UNDO_WINDOW = Duration.ofDays(30);

    @Inject
    private WorkRepository works;

    @Inject
    private WorkAccess access;

    @Inject
    private TimeSource time;

    @Inject
    private Event<WorkChanged> changed;


    /** Deletes a work (softly): its creator or an administrator. */
    @Transactional
    public void delete(Caller.Identity who, long id) {
        Work work = works.lock(id).filter(w -> !w.isDeleted()).filter(w -> access.canRead(Optional.of(who), w))
                .orElseThrow(() -> WorksException.notFound("Work", String.valueOf(id)));
        if (!work.isCreator(who.id()) && !who.admin()) {
            throw WorksException.forbidden("Only the work's creator or an administrator can delete it.");
        }
        work.delete(who.id(), time.now());
        changed.fire(new WorkChanged(work.id()));
    }

    /** An administrator undoes a deletion, within {@link #UNDO_WINDOW} of it. */
    @Transactional
    public Work undelete(Caller.Identity admin, long id) {
        if (!admin.admin()) {
            throw WorksException.forbidden("Only network administrators can undo a deletion.");
        }
        Work work = works.lock(id).orElseThrow(() -> WorksException.notFound("Work", String.valueOf(id)));
        OffsetDateTime deletedAt = work.deletedAt().orElseThrow(() -> WorksException.conflict("Not deleted",
                "The work is not deleted."));
        OffsetDateTime now = time.now();
        if (!work.deletionUndoable(now, UNDO_WINDOW)) {
            throw WorksException.conflict("Too late to undo", "The work was deleted on " + deletedAt.toLocalDate()
                    + "; a deletion can be undone for " + UNDO_WINDOW.toDays() + " days only.");
        }
        work.undelete(now);
        changed.fire(new WorkChanged(work.id()));
        return work;
    }
}
