package org.creativecities.media.web;

import java.util.List;
import org.creativecities.core.openapi.ApiBodies;

/** The media API's bodies, for the OpenAPI document (a Java service, see {@link ApiBodies}). */
public class MediaApiBodies implements ApiBodies {

    @Override
    public List<Class<?>> holders() {
        return List.of(MediaDtos.class);
    }
}
