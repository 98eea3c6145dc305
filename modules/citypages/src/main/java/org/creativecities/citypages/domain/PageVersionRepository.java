package org.creativecities.citypages.domain;

import java.util.List;
import java.util.Optional;

/** The versions of the cities' brand pages. */
public interface PageVersionRepository {

    /** The city's current page: its latest version. */
    Optional<PageVersion> latest(long cityId);

    /** One version of the city's page. */
    Optional<PageVersion> find(long cityId, int number);

    /** The city's versions, newest first, at most {@code limit}. */
    List<PageVersion> list(long cityId, int limit);

    /** Stores a new version; flushed, so that a duplicate number fails here. */
    void add(PageVersion version);
}
