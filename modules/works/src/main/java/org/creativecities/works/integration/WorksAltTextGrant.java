package org.creativecities.works.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.creativecities.media.AltTextGrant;
import org.creativecities.media.MediaInfo;
import org.creativecities.works.app.WorkMedia;
import org.creativecities.works.domain.WorkRepository;

/**
 * Co-authors describe each other's images: an author of a work that is not deleted, whose cover or latest version
 * shows an image uploaded by a fellow author of that same work, may give that image its first alt text (publishing
 * needs it, and every author consents to publishing anyway). An image of someone who is not an author of the work
 * stays theirs to describe, however the work shows it.
 */
@ApplicationScoped
public class WorksAltTextGrant implements AltTextGrant {

    @Inject
    private WorkRepository works;

    @Inject
    private WorkMedia media;

    @Override
    @Transactional
    public boolean mayDescribe(long accountId, MediaInfo image) {
        return image.ownerId() != null && works.sharedBy(accountId, image.ownerId()).stream()
                .anyMatch(w -> media.usedIds(w).contains(image.id()));
    }
}
