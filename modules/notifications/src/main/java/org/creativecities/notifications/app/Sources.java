package org.creativecities.notifications.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.live.MessageAddressed;
import org.creativecities.core.live.MessageRemoved;
import org.creativecities.core.live.RoomEntered;
import org.creativecities.core.membership.MembershipService.MembershipChanged;
import org.creativecities.core.space.ModerationService.Moderated;
import org.creativecities.events.app.StartingSoon;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.projects.app.ProjectActivity;
import org.creativecities.works.app.WorkActivity;

/**
 * Listens to the other contexts' events, once the change that fired them has committed, and hands the work to a
 * managed thread: the room writer, the join request or the work's save never waits for a notification to be
 * composed, stored and pushed. A failure here is logged and loses only the notification.
 */
@ApplicationScoped
public class Sources {

    private static final Logger LOG = Logger.getLogger(Sources.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    private Composer composer;

    @Inject
    private Deliveries deliveries;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry afterCommit;

    @Inject
    private NotificationService notifications;

    @Inject
    private MyRoomsService rooms;

    void message(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageAddressed event) {
        later(() -> composer.message(event));
    }

    void moderated(@Observes(during = TransactionPhase.AFTER_SUCCESS) Moderated event) {
        later(() -> composer.moderated(event));
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageRemoved event) {
        later(() -> composer.removed(event));
    }

    void membership(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged event) {
        later(() -> composer.membership(event));
    }

    void work(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkActivity event) {
        later(() -> composer.work(event));
    }

    /**
     * Stores the reminders in the scan's own transaction, beside its reminder rows (a scan that dies or rolls back
     * leaves neither, and the next scan, on any node, reminds those people), then pushes and mails them once it
     * committed.
     */
    void startingSoon(@Observes StartingSoon event) {
        List<Notification> stored = deliveries.storeInCaller(composer.startingSoon(event));
        afterCommit.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the scan commits
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    run(() -> notifications.push(stored));
                }
            }
        });
    }

    void project(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectActivity event) {
        later(() -> composer.project(event));
    }

    void entered(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomEntered event) {
        run(() -> {
            try {
                rooms.entered(event.accountId(), event.roomId(), event.lastSeq());
            } catch (RuntimeException raced) {
                // Two joins of the room by the same person raced to create its read state: the row is there now.
                rooms.entered(event.accountId(), event.roomId(), event.lastSeq());
            }
        });
    }

    private void later(Supplier<List<Notification>> compose) {
        run(() -> notifications.deliver(compose.get()));
    }

    private void run(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A notification task failed", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A notification task was not accepted", e);
        }
    }
}
