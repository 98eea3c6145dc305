package org.creativecities.works.web;

import java.util.List;
import org.creativecities.core.openapi.ApiBodies;
import org.creativecities.works.app.WorkDtos;

/** The works API's bodies, for the OpenAPI document (a Java service, see {@link ApiBodies}). */
public class WorksApiBodies implements ApiBodies {

    @Override
    public List<Class<?>> holders() {
        return List.of(WorkDtos.class);
    }
}
