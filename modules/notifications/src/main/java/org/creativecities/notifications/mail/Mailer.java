package org.creativecities.notifications.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.creativecities.notifications.domain.MailSettings;

/** Sends one plain-text mail through the configured SMTP server, with the one-click unsubscribe headers. */
@ApplicationScoped
public class Mailer {

    /** Connect, read and write time-outs, in milliseconds: a dead server must not hold a thread for long. */
    private static final String TIMEOUT = "10000";

    /**
     * A mail to send.
     *
     * @param language    the language of its text (en, fr), sent as Content-Language
     * @param unsubscribe the one-click unsubscribe address (RFC 8058)
     */
    public record Mail(String to, String language, String subject, String text, String unsubscribe) {
    }

    public void send(MailSettings settings, Mail mail) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host().orElseThrow());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT);
        p.put("mail.smtp.timeout", TIMEOUT);
        p.put("mail.smtp.writetimeout", TIMEOUT);
        switch (settings.tls()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            default -> {
                // plain SMTP, for a server on the same host or network
            }
        }
        boolean login = settings.username().isPresent();
        p.put("mail.smtp.auth", String.valueOf(login));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from().orElseThrow()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        m.setSubject(mail.subject(), "UTF-8");
        m.setText(mail.text(), "UTF-8");
        m.setContentLanguage(new String[] {mail.language()});
        m.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
        m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        m.setHeader("Auto-Submitted", "auto-generated");
        if (login) {
            Transport.send(m, settings.username().get(), settings.password().orElse(""));
        } else {
            Transport.send(m);
        }
    }
}
