package org.creativecities.search;

import java.util.Map;
import org.creativecities.core.openapi.ApiBodies;
import org.creativecities.search.query.SearchHit;

/** The search API's bodies, for the OpenAPI document (a Java service, see {@link ApiBodies}). */
public class SearchApiBodies implements ApiBodies {

    @Override
    public Map<String, Class<?>> records() {
        return Map.of("SearchHit", SearchHit.class, "SearchStatus", SearchStatusResource.SearchStatus.class);
    }
}
