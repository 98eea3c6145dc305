package org.creativecities.core.membership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where memberships and profiles are kept. */
public interface MembershipRepository {

    /**
     * An expertise-directory query; every present filter must match.
     *
     * @param tags     expertise tags, any of which matches (a tag and its near-synonyms); none: no tag filter
     * @param field    a creative field slug
     * @param city     a city slug: home city or member of it
     * @param language a language code
     * @param text     part of the display name or bio
     */
    record DirectoryQuery(List<String> tags, Optional<String> field, Optional<String> city,
                          Optional<String> language, Optional<String> text) {
    }

    Optional<Membership> find(long cityId, long accountId);

    List<Membership> ofAccount(long accountId);

    List<Membership> ofCity(long cityId, Membership.Status status, Optional<Membership.Role> role, int offset,
                            int limit);

    long countOfCity(long cityId, Membership.Status status, Optional<Membership.Role> role);

    /** Active members per city id, for every city that has any. */
    Map<Long, Long> activeMembersPerCity();

    /**
     * An active member with a given role, as lists of them show it.
     *
     * @param cityId      the city
     * @param accountId   the member's account
     * @param displayName the member's name
     */
    record RoleHolder(long cityId, long accountId, String displayName) {
    }

    /**
     * Every active member with the given role, read from the database, ordered by city id, then as
     * {@link #ofCity} orders them.
     */
    List<RoleHolder> activeWithRole(Membership.Role role);

    Membership add(Membership membership);

    void remove(Membership membership);

    Optional<Profile> findProfile(long accountId);

    Profile addProfile(Profile profile);

    /**
     * The directory: profiles matching every given filter, by display name. {@code tag} is given as
     * {@link Profile#tagWords(String)} (a tag containing those whole words matches), {@code text} folded
     * (a substring of the name, bio or a tag).
     */
    List<Profile> directory(DirectoryQuery query, int offset, int limit);

    /** Profiles whose search keys were never computed (those from before the keys existed), at most {@code limit}. */
    List<Profile> profilesWithoutSearchKeys(int limit);

    long countDirectory(DirectoryQuery query);
}
