package org.creativecities.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.creativecities.core.platform.persistence.ModuleSchema;

/** The search context's table (its change log), migrated from {@code db/search} after the core's. */
@ApplicationScoped
public class SearchSchema implements ModuleSchema {

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String location() {
        return "db/search";
    }
}
