package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reads a {@link CatalogueSnapshot} from the database, always in a transaction of its own: a snapshot is shared
 * by every request, so it must hold committed data only, even when the first read comes from inside a
 * transaction that is still writing.
 */
@ApplicationScoped
class CatalogueLoader {

    @Inject
    private CityRepository cities;

    @Inject
    private CommunityDirectory community;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    CatalogueSnapshot load(long generation) {
        List<String> fieldSlugs = cities.fields().stream().map(CreativeField::slug).toList();
        return new CatalogueSnapshot(generation, fieldSlugs, cities.allCityRows(), cities.allDesignationRows(),
                community.memberCounts(), community.coordinatorsByCity());
    }
}
