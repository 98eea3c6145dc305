package org.creativecities.projects.app;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.creativecities.core.platform.Bootstrap;

/**
 * At every start, gives the projects created before projects had spaces (migration V4 added {@code space_id}
 * empty) their own space. Idempotent: only projects still without a space are touched, so a second start does
 * nothing, and a start that stops half-way is finished by the next.
 */
@ApplicationScoped
public class ProjectSpaceBackfill {

    private static final Logger LOG = Logger.getLogger(ProjectSpaceBackfill.class.getName());
    private static final int BATCH = 100;

    @Inject
    private ProjectService projects;

    void onStart(@Observes @Priority(450) Bootstrap.Started started) {
        int total = 0;
        int opened;
        do {
            opened = projects.openMissingSpaces(BATCH);
            total += opened;
        } while (opened == BATCH);
        if (total > 0) {
            int done = total;
            LOG.info(() -> "Spaces opened for " + done + " projects created before projects had spaces");
        }
    }
}
