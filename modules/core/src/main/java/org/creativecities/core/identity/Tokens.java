package org.creativecities.core.identity;

import java.security.SecureRandom;
import java.util.Base64;
import org.creativecities.core.platform.Sha256;

/** Makes and hashes bearer tokens: 256 random bits, URL-safe Base64, stored as SHA-256. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
