package org.creativecities.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The outgoing mail server, as an administrator set it at run time (one row). Without a host, no email is sent
 * and only in-app notifications are kept. The password is kept for the SMTP login and never shown again. The
 * secret signs unsubscribe links; it is made once, when the row is.
 */
@Entity
@Table(name = "mail_settings")
public class MailSettings {

    /** How the connection to the server is protected. */
    public enum Tls { NONE, STARTTLS, TLS }

    /** The one row's id. */
    public static final int ID = 1;

    @Id
    private int id;

    private String host;

    @Column(nullable = false)
    private int port;

    @Column(name = "from_address")
    private String from;

    @Column(nullable = false)
    private String tls;

    private String username;

    private String password;

    @Column(name = "base_url")
    private String baseUrl;

    @Column(nullable = false)
    private String secret;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected MailSettings() {
    }

    /** Not configured: no host. */
    public MailSettings(String secret, OffsetDateTime now) {
        this.id = ID;
        this.port = 25;
        this.tls = "none";
        this.secret = secret;
        this.updatedAt = now;
    }

    /**
     * Sets the server. A null password keeps the one set before; an empty one removes it.
     */
    public void configure(String newHost, int newPort, String newFrom, Tls newTls, String newUsername,
                          String newPassword, String newBaseUrl, OffsetDateTime now) {
        this.host = newHost;
        this.port = newPort;
        this.from = newFrom;
        this.tls = newTls.name().toLowerCase(java.util.Locale.ROOT);
        this.username = newUsername;
        if (newPassword != null) {
            this.password = newPassword.isEmpty() ? null : newPassword;
        }
        this.baseUrl = newBaseUrl;
        this.updatedAt = now;
    }

    /** No more email: the server is forgotten (the secret stays, so links already sent keep working). */
    public void clear(OffsetDateTime now) {
        this.host = null;
        this.from = null;
        this.username = null;
        this.password = null;
        this.updatedAt = now;
    }

    public boolean isConfigured() {
        return host != null && from != null && baseUrl != null;
    }

    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    public int port() {
        return port;
    }

    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    public Tls tls() {
        return Tls.valueOf(tls.toUpperCase(java.util.Locale.ROOT));
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    public String secret() {
        return secret;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
