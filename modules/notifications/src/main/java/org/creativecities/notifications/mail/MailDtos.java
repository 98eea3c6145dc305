package org.creativecities.notifications.mail;

/** The mail administration's bodies. */
public final class MailDtos {

    private MailDtos() {
    }

    /**
     * The outgoing mail server, as an administrator sees it: never its password, only whether one is set.
     *
     * @param status      configured, or not-configured (then only in-app notifications are kept)
     * @param tls         none, starttls or tls
     * @param baseUrl     the site's public address, for the links in mails
     * @param passwordSet whether a password is kept for the SMTP login
     */
    public record MailView(String status, String host, Integer port, String from, String tls, String username,
                           boolean passwordSet, String baseUrl) {
    }

    /**
     * New settings. An empty or absent host turns email off. password: absent keeps the one set, empty removes it.
     */
    public record MailUpdate(String host, Integer port, String from, String tls, String username, String password,
                             String baseUrl) {
    }

    /** What a digest run sent. */
    public record DigestRun(String frequency, int people, int sent) {
    }
}
