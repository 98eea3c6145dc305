package org.creativecities.notifications.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe tokens: {@code <account id>.<HMAC-SHA256 of it>}, keyed with the mail settings'
 * secret. Whoever holds the link of a mail can turn that person's email off, and nothing else.
 */
final class UnsubscribeTokens {

    private static final Pattern TOKEN = Pattern.compile("([0-9]{1,18})\\.([A-Za-z0-9_-]{43})");

    private UnsubscribeTokens() {
    }

    static String sign(String secret, long accountId) {
        return accountId + "." + mac(secret, accountId);
    }

    /** The account the token was signed for, if it is one of ours. */
    static Optional<Long> verify(String secret, String token) {
        Matcher m = TOKEN.matcher(token == null ? "" : token);
        if (!m.matches()) {
            return Optional.empty();
        }
        long accountId = Long.parseLong(m.group(1));
        boolean same = MessageDigest.isEqual(mac(secret, accountId).getBytes(StandardCharsets.US_ASCII),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
        return same ? Optional.of(accountId) : Optional.empty();
    }

    private static String mac(String secret, long accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(("unsubscribe:" + accountId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
