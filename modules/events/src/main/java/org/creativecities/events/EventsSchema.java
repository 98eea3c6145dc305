package org.creativecities.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.creativecities.core.platform.persistence.ModuleSchema;

/** The events context's tables, migrated from {@code db/events} after the core's. */
@ApplicationScoped
public class EventsSchema implements ModuleSchema {

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String location() {
        return "db/events";
    }
}
