package org.creativecities.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import org.creativecities.core.platform.persistence.ModuleSchema;

/** The notification centre's tables, migrated from {@code db/notifications} after the core's. */
@ApplicationScoped
public class NotificationsSchema implements ModuleSchema {

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public String location() {
        return "db/notifications";
    }
}
