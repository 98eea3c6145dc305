package org.creativecities.core.live;

import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;

/** Where mentions are kept, and how mentioned people are found. */
public interface MentionRepository {

    Mention add(Mention mention);

    /** Deletes every mention in a room (its deletion). */
    void deleteOfRoom(long roomId);

    Optional<Mention> find(long id);

    List<Mention> of(long accountId, boolean unreadOnly, int offset, int limit);

    long count(long accountId, boolean unreadOnly);

    /** Marks every unread mention of the account read; returns how many. */
    int markAllRead(long accountId, java.time.OffsetDateTime now);

    /** The accounts with these ids or these display names (compared lower-case), as identities. */
    List<Caller.Identity> people(java.util.Set<Long> ids, java.util.Set<String> lowerCaseNames);
}
