package org.creativecities.core.membership;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.creativecities.core.platform.Bootstrap;

/**
 * Fills the directory's folded search keys of profiles saved before the keys existed (migration V12 adds them
 * empty, since SQL cannot remove accents portably), in batches, once at start-up.
 */
@ApplicationScoped
public class ProfileSearchKeys {

    private static final Logger LOG = Logger.getLogger(ProfileSearchKeys.class.getName());
    private static final int BATCH = 500;

    @Inject
    private ProfileService profiles;

    void onStart(@Observes @Priority(300) Bootstrap.Started started) {
        int total = 0;
        int filled;
        do {
            filled = profiles.fillMissingSearchKeys(BATCH);
            total += filled;
        } while (filled == BATCH);
        if (total > 0) {
            int done = total;
            LOG.info(() -> "Directory search keys computed for " + done + " profiles");
        }
    }
}
