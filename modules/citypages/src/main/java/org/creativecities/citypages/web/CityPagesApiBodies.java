package org.creativecities.citypages.web;

import java.util.List;
import org.creativecities.citypages.app.BrandDtos;
import org.creativecities.core.openapi.ApiBodies;

/** The city pages API's bodies, for the OpenAPI document (a Java service, see {@link ApiBodies}). */
public class CityPagesApiBodies implements ApiBodies {

    @Override
    public List<Class<?>> holders() {
        return List.of(BrandDtos.class);
    }
}
