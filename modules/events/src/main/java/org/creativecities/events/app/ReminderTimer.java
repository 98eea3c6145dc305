package org.creativecities.events.app;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.events.app.EventDtos.ReminderRun;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the "starting soon" scan ({@link Reminders}) every {@code ccc.events.starting-soon.period-seconds} (60)
 * from the start of the application, and on an administrator's demand. One scan at a time: each commits before the
 * next begins, so two never remind the same person of the same occurrence.
 */
@ApplicationScoped
public class ReminderTimer {

    private static final Logger LOG = Logger.getLogger(ReminderTimer.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Reminders reminders;

    @Inject
    @ConfigProperty(name = "ccc.events.starting-soon.period-seconds", defaultValue = "60")
    private int periodSeconds;

    private final ReentrantLock oneAtATime = new ReentrantLock();

    private ScheduledFuture<?> task;

    void start(@Observes Bootstrap.Deployed deployed) {
        long period = Math.max(1, periodSeconds);
        task = scheduler.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One scan now, after any scan under way; what it found and whom it reminded. */
    public ReminderRun runNow() {
        oneAtATime.lock();
        try {
            return reminders.scan();
        } finally {
            oneAtATime.unlock();
        }
    }

    private void tick() {
        try {
            runNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The events' starting-soon scan failed; the next one retries", e);
        }
    }
}
