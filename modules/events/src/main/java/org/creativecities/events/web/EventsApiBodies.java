package org.creativecities.events.web;

import java.util.List;
import org.creativecities.core.openapi.ApiBodies;
import org.creativecities.events.app.EventDtos;

/** The events API's bodies, for the OpenAPI document (a Java service, see {@link ApiBodies}). */
public class EventsApiBodies implements ApiBodies {

    @Override
    public List<Class<?>> holders() {
        return List.of(EventDtos.class);
    }
}
