package org.creativecities.plugin.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.creativecities.plugin.api.MemberLookup;

/** {@link MemberLookup} over the people and memberships a test adds. Thread-safe. */
public final class TestMembers implements MemberLookup {

    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final Set<String> members = ConcurrentHashMap.newKeySet();
    private final Set<String> coordinators = ConcurrentHashMap.newKeySet();

    /** An account with a display name. */
    public TestMembers person(long accountId, String displayName) {
        names.put(accountId, displayName);
        return this;
    }

    /** An active member of a city. */
    public TestMembers member(long accountId, String citySlug) {
        members.add(accountId + "@" + citySlug);
        return this;
    }

    /** A coordinator of a city (also a member). */
    public TestMembers coordinator(long accountId, String citySlug) {
        member(accountId, citySlug);
        coordinators.add(accountId + "@" + citySlug);
        return this;
    }

    /** The account leaves the city. */
    public TestMembers leave(long accountId, String citySlug) {
        members.remove(accountId + "@" + citySlug);
        coordinators.remove(accountId + "@" + citySlug);
        return this;
    }

    @Override
    public boolean isMember(long accountId, String citySlug) {
        return members.contains(accountId + "@" + citySlug);
    }

    @Override
    public boolean isCoordinator(long accountId, String citySlug) {
        return coordinators.contains(accountId + "@" + citySlug);
    }

    @Override
    public Optional<String> displayName(long accountId) {
        return Optional.ofNullable(names.get(accountId));
    }
}
