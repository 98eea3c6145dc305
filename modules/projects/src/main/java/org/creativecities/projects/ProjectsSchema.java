package org.creativecities.projects;

import jakarta.enterprise.context.ApplicationScoped;
import org.creativecities.core.platform.persistence.ModuleSchema;

/** The projects context's tables, migrated from {@code db/projects} after the core's. */
@ApplicationScoped
public class ProjectsSchema implements ModuleSchema {

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public String location() {
        return "db/projects";
    }
}
