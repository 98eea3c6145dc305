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
     * Sends the digest to each person whose digest has this rhythm: the unread notifications of the kinds they
     * chose for the digest, since their last one. {@code dueOnly}: only to those whose last digest is at least one
     * period old (the timer); otherwise to all of them now (an administrator's run).
     */
    @Transactional
    public MailDtos.DigestRun digest(Preferences.Digest frequency, boolean dueOnly) {
        MailSettings s = settings.get();
        String name = frequency.name().toLowerCase(java.util.Locale.ROOT);
        if (!s.isConfigured() || frequency == Preferences.Digest.OFF) {
            return new MailDtos.DigestRun(name, 0, 0);
        }
        Duration period = frequency == Preferences.Digest.DAILY ? Duration.ofDays(1) : Duration.ofDays(7);
        OffsetDateTime now = time.now();
        int people = 0;
        int sent = 0;
        for (Preferences p : preferences.withDigest(frequency)) {
            if (dueOnly && p.lastDigestAt().map(last -> last.plus(period).isAfter(now)).orElse(false)) {
                continue;
            }
            people++;
            List<String> kinds = p.email().entrySet().stream().filter(e -> e.getValue() == Preferences.Email.DIGEST)
                    .map(e -> e.getKey().name()).toList();
            List<Notification> news = notifications.unreadSince(p.accountId(), kinds, p.lastDigestAt(), DIGEST_MAX);
            Optional<String> to = news.isEmpty() ? Optional.empty()
                    : accounts.findById(p.accountId()).map(Account::email);
            if (to.isPresent()) {
                MailTexts words = texts(p);
                String unsubscribe = unsubscribeUrl(s, p.accountId());
                StringBuilder text = new StringBuilder(words.digestIntro(name, news.size())).append('\n');
                news.forEach(n -> text.append("\n- ").append(words.body(n)));
                sent += send(s, new Mailer.Mail(to.get(), words.language(), words.prefix()
                        + words.digestSubject(name, news.size()),
                        text + words.footer(s.baseUrl().orElseThrow(), unsubscribe), unsubscribe));
            }
            p.digestSent(now);
        }
        return new MailDtos.DigestRun(name, people, sent);
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
