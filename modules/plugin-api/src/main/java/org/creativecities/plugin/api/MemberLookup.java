package org.creativecities.plugin.api;

import java.util.Optional;

/**
 * Read-only facts about people and city communities. Thread-safe; needs {@link Permission#MEMBERS_READ}.
 */
public interface MemberLookup {

    /** Whether the account is an active member (any role) of the city. */
    boolean isMember(long accountId, String citySlug);

    /** Whether the account coordinates the city's community. */
    boolean isCoordinator(long accountId, String citySlug);

    /** The name the account shows to others, if it exists. */
    Optional<String> displayName(long accountId);
}
