package org.creativecities.core.membership;

import java.util.Optional;

/**
 * A say in whether a person may join a city, asked before every join. The plugin host implements it
 * with the plugins' join hooks; declaring it here keeps membership free of any dependency on plugins.
 */
public interface JoinGuard {

    /**
     * @param citySlug    the city being joined
     * @param accountId   who is joining
     * @param displayName their display name
     * @return empty to let them join, or why they may not
     */
    Optional<String> refusal(String citySlug, long accountId, String displayName);
}
