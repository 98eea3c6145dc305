package org.creativecities.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.creativecities.core.platform.persistence.ModuleSchema;

/** The media context's tables, migrated from {@code db/media} after the core's. */
@ApplicationScoped
public class MediaSchema implements ModuleSchema {

    @Override
    public String name() {
        return "media";
    }

    @Override
    public String location() {
        return "db/media";
    }
}
