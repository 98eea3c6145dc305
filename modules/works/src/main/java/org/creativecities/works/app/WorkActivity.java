package org.creativecities.works.app;

import java.util.Set;

/**
 * Someone did something to a work that others may want to hear of: saved a new version of it or forked it (its other
 * authors hear of it), or added someone as a co-author (that person hears of it). Fired inside the transaction that did it (observers that must see only committed changes, the notification
 * centre, observe it {@code AFTER_SUCCESS}).
 *
 * @param workId    the work
 * @param title     its title now
 * @param action    {@code version} (a new version was saved), {@code fork} (a new work was derived from it) or
 *                  {@code invitation} (its creator added someone as a co-author)
 * @param actorId   who did it
 * @param actorName their name
 * @param authorIds the work's authors (the actor among them, if they are one); for an invitation, only the person
 *                  added
 * @param forkId    the new work, for a fork; 0 otherwise
 */
public record WorkActivity(long workId, String title, String action, long actorId, String actorName,
                           Set<Long> authorIds, long forkId) {

    /** A new version of {@code work} saved by {@code who}. */
    static WorkActivity version(org.creativecities.core.identity.Caller.Identity who,
                                org.creativecities.works.domain.Work work) {
        return new WorkActivity(work.id(), work.title(), "version", who.id(), who.displayName(), authors(work), 0);
    }

    /** {@code source} forked by {@code who} into {@code fork}. */
    static WorkActivity fork(org.creativecities.core.identity.Caller.Identity who,
                             org.creativecities.works.domain.Work source, long fork) {
        return new WorkActivity(source.id(), source.title(), "fork", who.id(), who.displayName(), authors(source),
                fork);
    }

    /** {@code who}, the creator of {@code work}, added {@code coAuthor} as a co-author. */
    static WorkActivity invitation(org.creativecities.core.identity.Caller.Identity who,
                                   org.creativecities.works.domain.Work work, long coAuthor) {
        return new WorkActivity(work.id(), work.title(), "invitation", who.id(), who.displayName(),
                Set.of(coAuthor), 0);
    }

    private static Set<Long> authors(org.creativecities.works.domain.Work work) {
        return work.authors().stream().map(org.creativecities.works.domain.WorkAuthor::accountId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
