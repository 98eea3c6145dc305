package org.creativecities.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person's notification preferences. In-app notifications are always kept; email is chosen per kind
 * ({@link Email}), and the digest gathers the kinds set to {@code DIGEST} at the chosen rhythm ({@link Digest}).
 * Someone who never chose has the defaults: no email, no digest.
 */
@Entity
@Table(name = "notification_preference")
public class Preferences {

    /** Email for one kind of notification. */
    public enum Email { IMMEDIATE, DIGEST, OFF }

    /** How often the digest is sent. */
    public enum Digest { DAILY, WEEKLY, OFF }

    /** The languages mail is written in. */
    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "fr");

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String digest;

    /** The language of mail: en or fr; null when the person never chose (then their profile's decides). */
    @Column
    private String language;

    @Column(name = "last_digest_at")
    private OffsetDateTime lastDigestAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Preferences() {
    }

    /** The defaults: no email, no digest. */
    public Preferences(long accountId, OffsetDateTime now) {
        this.accountId = accountId;
        this.email = "";
        this.digest = "off";
        this.updatedAt = now;
    }

    /** Email per kind; kinds not chosen are {@code OFF}. */
    public Map<NotificationKind, Email> email() {
        Map<NotificationKind, Email> out = new EnumMap<>(NotificationKind.class);
        for (NotificationKind k : NotificationKind.values()) {
            out.put(k, Email.OFF);
        }
        if (!email.isEmpty()) {
            for (String pair : email.split(",")) {
                String[] kv = pair.split("=", 2);
                NotificationKind.ofApiName(kv[0]).ifPresent(k -> out.put(k, Email.valueOf(kv[1])));
            }
        }
        return out;
    }

    public Digest digest() {
        return Digest.valueOf(digest.toUpperCase(java.util.Locale.ROOT));
    }

    /** Replaces the choices given; the others stay. */
    public void choose(Map<NotificationKind, Email> changes, Digest newDigest, OffsetDateTime now) {
        Map<NotificationKind, Email> all = email();
        all.putAll(changes);
        this.email = all.entrySet().stream().filter(e -> e.getValue() != Email.OFF)
                .map(e -> e.getKey().apiName() + "=" + e.getValue().name()).collect(Collectors.joining(","));
        if (newDigest != null) {
            this.digest = newDigest.name().toLowerCase(java.util.Locale.ROOT);
        }
        this.updatedAt = now;
    }

    /** The language chosen for mail ("en", "fr"), if one was. */
    public java.util.Optional<String> language() {
        return java.util.Optional.ofNullable(language);
    }

    /** Chooses the language of mail; {@code null} goes back to the profile's. */
    public void chooseLanguage(String code, OffsetDateTime now) {
        this.language = code;
        this.updatedAt = now;
    }

    /** No email at all any more (a one-click unsubscribe). */
    public void unsubscribe(OffsetDateTime now) {
        this.email = "";
        this.digest = "off";
        this.updatedAt = now;
    }

    /** Whether the person wants email of this kind now ({@code IMMEDIATE}). */
    public boolean wantsNow(NotificationKind kind) {
        return email().get(kind) == Email.IMMEDIATE;
    }

    /** When the last digest went, if one did. */
    public java.util.Optional<OffsetDateTime> lastDigestAt() {
        return java.util.Optional.ofNullable(lastDigestAt);
    }

    public void digestSent(OffsetDateTime now) {
        this.lastDigestAt = now;
    }

    public long accountId() {
        return accountId;
    }
}
