package org.creativecities.notifications.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** Stored notifications, always one person's. */
public interface NotificationRepository {

    Notification add(Notification notification);

    /** One person's notifications, newest first. */
    List<Notification> newestOf(long accountId, boolean unreadOnly, int offset, int limit);

    long count(long accountId, boolean unreadOnly);

    /** The unread counts of these people, in one query; someone with none is absent. */
    java.util.Map<Long, Long> unreadCounts(Collection<Long> accountIds);

    /** The person's unread notifications of these kinds created after {@code since} (all when empty), oldest first. */
    List<Notification> unreadSince(long accountId, Collection<String> kinds, java.util.Optional<OffsetDateTime> since,
                                   int limit);

    /** Marks read the person's notifications with these ids (others' ids are ignored); how many changed. */
    int markRead(long accountId, Collection<Long> ids, OffsetDateTime now);

    /** Marks read all the person's notifications; how many changed. */
    int markAllRead(long accountId, OffsetDateTime now);
}
