package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.BooleanSupplier;

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

    /**
     * @param generation which invalidation the snapshot is built after
     * @param current    whether the snapshot is still the catalogue's current one (no invalidation since)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    CatalogueSnapshot load(long generation, BooleanSupplier current) {
        List<String> fieldSlugs = cities.fields().stream().map(CreativeField::slug).toList();
        return new CatalogueSnapshot(generation, current, fieldSlugs, cities.allCityRows(),
                cities.allDesignationRows(), community.memberCounts(), community.coordinatorsByCity());
    }
}
