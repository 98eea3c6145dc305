package org.creativecities.media;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Media ids: 128 random bits from a {@link SecureRandom}, as 22 URL-safe Base64 characters. Anyone who has a media's
 * URL may read it, so the id is what keeps unpublished media private: it cannot be guessed, and nothing lists other
 * people's media.
 */
public final class MediaIds {

    /** What an id looks like; anything else names no media. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaIds() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isWellFormed(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
