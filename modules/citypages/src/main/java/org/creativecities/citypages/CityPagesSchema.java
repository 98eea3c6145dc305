package org.creativecities.citypages;

import jakarta.enterprise.context.ApplicationScoped;
import org.creativecities.core.platform.persistence.ModuleSchema;

/** The city pages context's tables, migrated from {@code db/citypages} after the core's. */
@ApplicationScoped
public class CityPagesSchema implements ModuleSchema {

    @Override
    public String name() {
        return "citypages";
    }

    @Override
    public String location() {
        return "db/citypages";
    }
}
