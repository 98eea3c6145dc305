package org.creativecities.core.space;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.creativecities.core.platform.Bootstrap;

/**
 * At start-up, after the city seed (priority 100), gives every city its community space and every field its
 * network space, each with a {@code general} discussion room. Cities added later get theirs the first time
 * their spaces are listed.
 */
@ApplicationScoped
public class DefaultSpaces {

    private static final Logger LOG = Logger.getLogger(DefaultSpaces.class.getName());

    @Inject
    private SpaceService service;

    void onStart(@Observes @Priority(300) Bootstrap.Started started) {
        int created = service.ensureDefaultSpaces();
        if (created > 0) {
            LOG.info(() -> "Created " + created + " community and network spaces.");
        }
    }
}
