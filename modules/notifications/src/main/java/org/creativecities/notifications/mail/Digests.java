package org.creativecities.notifications.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.notifications.domain.Preferences;

/**
 * A run of the digests of one rhythm (the timer's, or an administrator's): the people it concerns are read once,
 * then each person's digest is claimed, mailed and recorded in a transaction of its own ({@link Emails#digestOf}).
 * Several nodes may run the digests at once on a shared database: each person's digest goes once, sent by whichever
 * node claims their row first.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class.getName());

    @Inject
    private Emails emails;

    @Inject
    private TimeSource time;

    /**
     * Sends the digest to each person whose digest has this rhythm: the unread notifications of the kinds they
     * chose for the digest, since their last one. {@code dueOnly}: only to those whose last digest is at least one
     * period old (the timer); otherwise to all of them now (an administrator's run). The people counted are those
     * this run took.
     */
    public MailDtos.DigestRun run(Preferences.Digest frequency, boolean dueOnly) {
        String name = frequency.name().toLowerCase(java.util.Locale.ROOT);
        OffsetDateTime now = time.now();
        int people = 0;
        int sent = 0;
        for (long accountId : emails.digestCandidates(frequency, dueOnly, now)) {
            try {
                Emails.DigestOutcome done = emails.digestOf(accountId, frequency, dueOnly, now);
                people += done == Emails.DigestOutcome.SKIPPED ? 0 : 1;
                sent += done == Emails.DigestOutcome.MAILED ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The " + name + " digest of account " + accountId + " failed; the next run "
                        + "tries again", e);
            }
        }
        return new MailDtos.DigestRun(name, people, sent);
    }
}
