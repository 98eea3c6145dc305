package org.creativecities.notifications.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationRepository;

/**
 * The transactions of delivery, each of its own (delivery runs after the change that caused it committed), but for
 * reminders, stored in the transaction that records them.
 */
@ApplicationScoped
public class Deliveries {

    @Inject
    private NotificationRepository notifications;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> store(List<Notification> fresh) {
        return fresh.stream().map(notifications::add).toList();
    }

    /** Stores them in the caller's transaction (an event's reminders, beside the rows that record them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notification> storeInCaller(List<Notification> fresh) {
        return fresh.stream().map(notifications::add).toList();
    }

    /** The unread counts of these people, in one query. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<Long, Long> unread(Collection<Long> accountIds) {
        return notifications.unreadCounts(accountIds);
    }
}
