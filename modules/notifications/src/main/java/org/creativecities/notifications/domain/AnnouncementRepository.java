package org.creativecities.notifications.domain;

import java.util.List;
import java.util.Optional;

/**
 * Announcements, and who their audience holds. The audience is read from the core's tables (accounts, cities'
 * memberships and designations) in account id order, a batch at a time.
 */
public interface AnnouncementRepository {

    /** A live city: its id and name. */
    record CityRef(long id, String slug, String name) {
    }

    Announcement add(Announcement announcement);

    Optional<Announcement> find(long id);

    /** The announcement, locked for the rest of the transaction (one fan-out batch at a time). */
    Optional<Announcement> lock(long id);

    /** Announcements whose fan-out has not completed, oldest first. */
    List<Long> pending();

    /**
     * Announcements newest first: all of them ({@code accountId} null, an administrator), else those the person wrote
     * or received.
     */
    List<Announcement> newest(Long accountId, int offset, int limit);

    long count(Long accountId);

    /** Whether the person received this announcement. */
    boolean received(long announcementId, long accountId);

    /** A city that is not retired. */
    Optional<CityRef> city(String slug);

    /** Whether the person coordinates any city. */
    boolean coordinatesAny(long accountId);

    /** Whether a creative field with this slug exists. */
    boolean fieldExists(String slug);

    /** How many people the announcement's audience holds now, its author left out. */
    int audienceSize(Announcement a);

    /** The next {@code limit} accounts of the audience after {@code afterAccountId}, in id order, author left out. */
    List<Long> audienceAfter(Announcement a, long afterAccountId, int limit);
}
