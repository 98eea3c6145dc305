package org.creativecities.notifications.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.PersonFrames;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.notifications.NotificationsException;
import org.creativecities.notifications.app.NotificationDtos.NotificationPage;
import org.creativecities.notifications.app.NotificationDtos.NotificationView;
import org.creativecities.notifications.app.NotificationDtos.ReadResult;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationRepository;

/**
 * A person's notifications: delivering new ones (stored, pushed live to the recipient's connections, mailed to who
 * chose it), listing them and marking them read. Every read and change is the caller's own.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    /** Most ids one mark-read call takes. */
    static final int MAX_IDS = 200;

    @Inject
    private NotificationRepository notifications;

    @Inject
    private Deliveries deliveries;

    @Inject
    private PersonFrames frames;

    @Inject
    private TimeSource time;

    @Inject
    private org.creativecities.notifications.mail.Emails emails;

    /**
     * Stores the notifications (one transaction), then sends each recipient a live frame with their unread count.
     * Call it outside a transaction: the frames leave only once the notifications are committed.
     */
    public void deliver(List<Notification> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        push(deliveries.store(fresh));
    }

    /**
     * Sends each recipient of these stored notifications a live frame with their unread count (one query for all),
     * then mails those who chose immediate mail. Call it outside a transaction, once they are committed.
     */
    public void push(List<Notification> stored) {
        Map<Long, Long> unread = deliveries.unread(stored.stream().map(Notification::accountId).distinct().toList());
        for (Notification n : stored) {
            try {
                frames.send(n.accountId(), NotificationFrames.frame(NotificationView.of(n),
                        unread.getOrDefault(n.accountId(), 0L)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Pushing a notification live failed; it is stored", e);
            }
        }
        try {
            emails.immediate(stored);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mailing notifications failed; they are stored", e);
        }
    }

    @Transactional
    public NotificationPage list(Caller.Identity who, boolean unreadOnly, PageRequest page) {
        List<NotificationView> items = notifications.newestOf(who.id(), unreadOnly, page.offset(), page.size())
                .stream().map(NotificationView::of).toList();
        return new NotificationPage(items, notifications.count(who.id(), unreadOnly), page.page(), page.size(),
                notifications.count(who.id(), true));
    }

    /** Marks read the caller's notifications with these ids (others' are left alone), or all when ids is null. */
    @Transactional
    public ReadResult markRead(Caller.Identity who, List<Long> ids) {
        int marked;
        if (ids == null) {
            marked = notifications.markAllRead(who.id(), time.now());
        } else {
            if (ids.size() > MAX_IDS) {
                throw NotificationsException.invalid("ids", "At most " + MAX_IDS + " ids at once.");
            }
            if (ids.stream().anyMatch(id -> id == null || id < 1)) {
                throw NotificationsException.invalid("ids", "Each id is a positive number.");
            }
            marked = notifications.markRead(who.id(), ids, time.now());
        }
        return new ReadResult(marked, notifications.count(who.id(), true));
    }
}
