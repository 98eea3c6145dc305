package org.creativecities.projects.web;

import java.util.List;
import org.creativecities.core.openapi.ApiBodies;
import org.creativecities.projects.app.ProjectDtos;

/** The projects API's bodies, for the OpenAPI document (a Java service, see {@link ApiBodies}). */
public class ProjectsApiBodies implements ApiBodies {

    @Override
    public List<Class<?>> holders() {
        return List.of(ProjectDtos.class);
    }
}
