package org.creativecities.core.city;

import java.util.List;

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

    List<Coordinator> coordinators(long cityId);

    boolean isCoordinator(long accountId, long cityId);
}
