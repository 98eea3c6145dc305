package org.creativecities.core.live;

/** Checks of text read from frames, shared by the engine and its extensions. */
public final class LiveText {

    private LiveText() {
    }

    /**
     * Whether a string read from a frame is well-formed text: UTF-16 with no unpaired surrogate (which a JSON escape
     * such as {@code \ud800} can produce), and no NUL character ({@code \u0000}). An unpaired surrogate cannot be
     * encoded as UTF-8: echoed or broadcast, it makes the frame invalid, and clients (browsers, the JDK) drop the
     * connection that received it. PostgreSQL refuses NUL in any text value, so a post holding it could not be stored.
     */
    public static boolean isWellFormed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(ch) || ch == 0) {
                return false;
            }
        }
        return true;
    }
}
