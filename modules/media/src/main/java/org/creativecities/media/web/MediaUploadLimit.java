package org.creativecities.media.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.creativecities.core.platform.web.UploadLimit;
import org.creativecities.media.MediaConfig;

/**
 * Tells the core's body limits that {@code POST /api/media} takes bodies up to the largest per-kind limit; the upload
 * itself then holds each file to its own kind's limit.
 */
@ApplicationScoped
public class MediaUploadLimit implements UploadLimit {

    @Inject
    private MediaConfig config;

    @Override
    public OptionalLong maxBody(String method, String path) {
        return "POST".equals(method) && ("media".equals(path) || "media/".equals(path))
                ? OptionalLong.of(config.largestMaxBytes()) : OptionalLong.empty();
    }
}
