package org.creativecities.core.city;

import java.util.List;
import java.util.Map;

/**
 * What the city catalogue needs to know about a city's community. Implemented by the membership
 * context, so that cities do not depend on it.
 */
public interface CommunityDirectory {

    /**
     * A coordinator, as shown on a city's profile.
     *
     * @param accountId   the account
     * @param displayName the name shown to others
     */
    record Coordinator(long accountId, String displayName) {
    }

    long memberCount(long cityId);

    /** The number of active members of every city that has any, by city id, in one query. */
    Map<Long, Long> memberCounts();

    /**
     * The coordinators of every city that has any, by city id, each list in the order of
     * {@link #coordinators(long)}, in one query.
     */
    Map<Long, List<Coordinator>> coordinatorsByCity();

    List<Coordinator> coordinators(long cityId);

    boolean isCoordinator(long accountId, long cityId);
}
