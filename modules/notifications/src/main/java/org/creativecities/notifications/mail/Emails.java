package org.creativecities.notifications.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.core.membership.Profile;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.notifications.domain.MailSettings;
import org.creativecities.notifications.domain.MailSettingsRepository;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationRepository;
import org.creativecities.notifications.domain.Preferences;
import org.creativecities.notifications.domain.PreferencesRepository;

/**
 * Notification mail: immediate mail for the kinds a person chose, and their digest. Nothing is sent when no mail
 * server is set, to someone who chose no email for the kind, or who unsubscribed. A mail that fails is logged and
 * not retried: the notification stays in the app.
 */
@ApplicationScoped
public class Emails {

    private static final Logger LOG = Logger.getLogger(Emails.class.getName());

    /** Most notifications one digest lists. */
    static final int DIGEST_MAX = 50;

    @Inject
    private MailSettingsRepository settings;

    @Inject
    private PreferencesRepository preferences;

    @Inject
    private NotificationRepository notifications;

    @Inject
    private AccountRepository accounts;

    @Inject
    private MembershipRepository memberships;

    @Inject
    private Mailer mailer;

    @Inject
    private TimeSource time;

    /** Mails each new notification whose recipient wants its kind at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int immediate(List<Notification> stored) {
        MailSettings s = settings.get();
        if (!s.isConfigured()) {
            return 0;
        }
        int sent = 0;
        // One query for the preferences of all recipients (an announcement brings hundreds at once).
        java.util.Map<Long, Preferences> chosen = new java.util.HashMap<>();
        preferences.findAll(stored.stream().map(Notification::accountId).distinct().toList())
                .forEach(p -> chosen.put(p.accountId(), p));
        for (Notification n : stored) {
            Preferences p = chosen.get(n.accountId());
            boolean wanted = p != null && p.wantsNow(n.kind());
            Optional<String> to = wanted ? accounts.findById(n.accountId()).map(Account::email) : Optional.empty();
            if (to.isPresent()) {
                MailTexts words = texts(p);
                String unsubscribe = unsubscribeUrl(s, n.accountId());
                sent += send(s, new Mailer.Mail(to.get(), words.language(), words.prefix() + words.line(n),
                        words.body(n) + words.footer(s.baseUrl().orElseThrow(), unsubscribe), unsubscribe));
            }
        }
        return sent;
    }

    /**
     * The people whose digest has this rhythm and who are due for it at {@code now} ({@code dueOnly}: their last
     * digest is at least one period old), or all of them (an administrator's run); none when no mail server is set.
     * Each is then sent theirs by {@link #digestOf}, one transaction each.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> digestCandidates(Preferences.Digest frequency, boolean dueOnly, OffsetDateTime now) {
        if (!settings.get().isConfigured() || frequency == Preferences.Digest.OFF) {
            return List.of();
        }
        Optional<OffsetDateTime> dueBy = dueBy(frequency, dueOnly, now);
        return preferences.withDigest(frequency).stream()
                .filter(p -> dueBy.isEmpty() || p.lastDigestAt().map(last -> !last.isAfter(dueBy.get())).orElse(true))
                .map(Preferences::accountId).toList();
    }

    /**
     * Sends one person their digest, if it is still theirs to send: in one transaction that first claims their
     * preferences row ({@code FOR UPDATE SKIP LOCKED}, checking again that the digest has this rhythm and is due),
     * then mails the unread notifications of the kinds they chose for the digest since their last one, then records
     * it as sent. Another node running the digests at the same time skips a row claimed here, and finds it not due
     * once this commits; a node that dies while it holds the claim releases it with its connection, and another node
     * sends the digest. A mail sent just before such a death, or whose commit fails, may go once more.
     *
     * @return whether this run took the person (their row was due and not claimed elsewhere), and whether a mail
     *     went
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DigestOutcome digestOf(long accountId, Preferences.Digest frequency, boolean dueOnly, OffsetDateTime now) {
        MailSettings s = settings.get();
        Optional<Preferences> claimed = s.isConfigured()
                ? preferences.claimDigest(accountId, frequency, dueBy(frequency, dueOnly, now))
                : Optional.empty();
        if (claimed.isEmpty()) {
            return DigestOutcome.SKIPPED;
        }
        Preferences p = claimed.get();
        String name = frequency.name().toLowerCase(java.util.Locale.ROOT);
        List<String> kinds = p.email().entrySet().stream().filter(e -> e.getValue() == Preferences.Email.DIGEST)
                .map(e -> e.getKey().name()).toList();
        List<Notification> news = notifications.unreadSince(p.accountId(), kinds, p.lastDigestAt(), DIGEST_MAX);
        Optional<String> to = news.isEmpty() ? Optional.empty() : accounts.findById(p.accountId()).map(Account::email);
        int sent = 0;
        if (to.isPresent()) {
            MailTexts words = texts(p);
            String unsubscribe = unsubscribeUrl(s, p.accountId());
            StringBuilder text = new StringBuilder(words.digestIntro(name, news.size())).append('\n');
            news.forEach(n -> text.append("\n- ").append(words.body(n)));
            sent = send(s, new Mailer.Mail(to.get(), words.language(), words.prefix()
                    + words.digestSubject(name, news.size()),
                    text + words.footer(s.baseUrl().orElseThrow(), unsubscribe), unsubscribe));
        }
        p.digestSent(now);
        return sent == 1 ? DigestOutcome.MAILED : DigestOutcome.NOTHING_NEW;
    }

    /** What {@link #digestOf} did for one person. */
    public enum DigestOutcome {
        /** Not theirs to send now: not due any more, claimed by another run, or no mail server. */
        SKIPPED,
        /** Taken, but nothing new to mail (or the mail failed): recorded as sent. */
        NOTHING_NEW,
        /** Taken and mailed. */
        MAILED
    }

    /** Digests last sent at or before this are due ({@code dueOnly}); empty: everyone's is. */
    private static Optional<OffsetDateTime> dueBy(Preferences.Digest frequency, boolean dueOnly, OffsetDateTime now) {
        Duration period = frequency == Preferences.Digest.DAILY ? Duration.ofDays(1) : Duration.ofDays(7);
        return dueOnly ? Optional.of(now.minus(period)) : Optional.empty();
    }

    /** The words of someone's mail, in the language they chose or their profile's. */
    private MailTexts texts(Preferences p) {
        return MailTexts.forRecipient(p.language(), p.language().isPresent() ? List.of()
                : memberships.findProfile(p.accountId()).map(Profile::languages).orElse(java.util.Set.of()));
    }

    private int send(MailSettings s, Mailer.Mail mail) {
        try {
            mailer.send(s, mail);
            return 1;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "A notification mail could not be sent: {0}", e.toString());
            return 0;
        }
    }

    private static String unsubscribeUrl(MailSettings s, long accountId) {
        return s.baseUrl().orElseThrow() + "/mail/unsubscribe.html?token="
                + UnsubscribeTokens.sign(s.secret(), accountId);
    }

    /** Whose token it is, if it is a valid one. */
    @Transactional
    public Optional<Long> tokenOwner(String token) {
        return UnsubscribeTokens.verify(settings.get().secret(), token);
    }

    /** Turns off all email for the token's person; false for a token that is not ours. */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<Long> who = tokenOwner(token);
        who.ifPresent(id -> preferences.find(id).orElseGet(() -> preferences.add(new Preferences(id, time.now())))
                .unsubscribe(time.now()));
        return who.isPresent();
    }
}
