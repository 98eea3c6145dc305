package org.creativecities.works;

import jakarta.enterprise.context.ApplicationScoped;
import org.creativecities.core.platform.persistence.ModuleSchema;

/** The works context's tables, migrated from {@code db/works} after the core's. */
@ApplicationScoped
public class WorksSchema implements ModuleSchema {

    @Override
    public String name() {
        return "works";
    }

    @Override
    public String location() {
        return "db/works";
    }
}
