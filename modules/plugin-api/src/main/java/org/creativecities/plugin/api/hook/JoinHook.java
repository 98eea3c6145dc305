package org.creativecities.plugin.api.hook;

/**
 * Runs before a person joins (or asks to join) a city's community, in every plugin enabled for that city
 * that declared {@link org.creativecities.plugin.api.Permission#HOOKS}. The first veto wins.
 * {@link HookResult#replace} is not meaningful here and is treated as {@code allow}.
 *
 * <p><b>Lifecycle.</b> Obtained once after {@code start}, used until {@code stop}.
 * <p><b>Threading.</b> Called from the supervisor's worker threads, concurrently, with a 2 s limit. A hook
 * that throws or times out does not block the join (the hook "fails open") and counts as a failure.
 */
@FunctionalInterface
public interface JoinHook {

    /**
     * An attempt to join.
     *
     * @param citySlug    the city
     * @param accountId   who
     * @param displayName their name
     */
    record JoinAttempt(String citySlug, long accountId, String displayName) {
    }

    HookResult<JoinAttempt> beforeJoin(JoinAttempt attempt);
}
