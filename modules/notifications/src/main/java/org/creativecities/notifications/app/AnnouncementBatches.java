package org.creativecities.notifications.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.notifications.domain.Announcement;
import org.creativecities.notifications.domain.AnnouncementRepository;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationRepository;

/**
 * The transactions of an announcement's fan-out, each short and of its own: one batch of notifications stored
 * together with the announcement's progress and its node's claim, under the announcement's row lock (so two runners
 * never store the same batch, and the unique (announcement, account) key backs that up). While one node's claim holds,
 * the others' runners stop at their first batch; once it runs out (the node died), the next to try takes it over.
 */
@ApplicationScoped
public class AnnouncementBatches {

    @Inject
    private AnnouncementRepository announcements;

    @Inject
    private NotificationRepository notifications;

    @Inject
    private TimeSource time;

    /**
     * Stores the notifications of the next {@code size} people of the audience, moves the announcement's cursor past
     * them and claims the fan-out for {@code node} until {@code claim} from now; empty once the audience is exhausted
     * (the announcement is then marked complete), when it is gone, or while another node's claim holds.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<List<Notification>> next(long announcementId, int size, String node, Duration claim) {
        OffsetDateTime now = time.now();
        Optional<Announcement> found = announcements.lock(announcementId)
                .filter(a -> a.completedAt().isEmpty() && !a.claimedByAnother(node, now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Announcement a = found.get();
        a.claim(node, now.plus(claim));
        List<Long> people = announcements.audienceAfter(a, a.deliveredTo(), size);
        if (people.isEmpty()) {
            a.complete(now);
            return Optional.empty();
        }
        List<Notification> stored = people.stream()
                .map(p -> notifications.add(Notification.aboutAnnouncement(p, a, now))).toList();
        a.batchDelivered(people.get(people.size() - 1), people.size());
        return Optional.of(stored);
    }

    /** The announcements whose fan-out has not completed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> pending() {
        return announcements.pending();
    }
}
