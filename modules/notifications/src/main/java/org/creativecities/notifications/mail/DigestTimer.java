package org.creativecities.notifications.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.notifications.domain.Preferences;

/**
 * Runs the digests every {@value #INTERVAL} (PT60M; the first a minute after the start, or sooner if the interval is
 * shorter): each person whose last daily (weekly) digest is a day (a week) old gets the next. Administrators can run
 * one now ({@code POST /api/admin/mail/digest}).
 */
@ApplicationScoped
public class DigestTimer {

    private static final Logger LOG = Logger.getLogger(DigestTimer.class.getName());

    /** How often the digests are looked at (ISO-8601). */
    static final String INTERVAL = "ccc.notifications.digest.interval";

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Digests digests;

    private ScheduledFuture<?> task;

    void start(@Observes Bootstrap.Deployed deployed) {
        long every = AppConfig.positiveDuration(INTERVAL, Duration.ofMinutes(60)).toMillis();
        task = scheduler.scheduleWithFixedDelay(this::run, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void run() {
        for (Preferences.Digest d : new Preferences.Digest[] {Preferences.Digest.DAILY, Preferences.Digest.WEEKLY}) {
            try {
                digests.run(d, true);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The " + d + " digest failed", e);
            }
        }
    }
}
