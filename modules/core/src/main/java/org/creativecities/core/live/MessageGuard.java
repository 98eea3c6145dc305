package org.creativecities.core.live;

import java.util.Optional;

/**
 * A say over every message before it is stored: let it through, change its text, or refuse it. The
 * plugin host implements it with the plugins' message hooks; declaring it here keeps the live engine
 * free of any dependency on plugins.
 */
public interface MessageGuard {

    /**
     * The verdict on one message.
     *
     * @param text    the text to store (the original, or a replacement)
     * @param refusal why the message is refused, if it is
     */
    record Verdict(String text, Optional<String> refusal) {
    }

    /**
     * @param roomId   the room
     * @param citySlug the room's city, or empty for a network-wide space
     * @param authorId who posts
     * @param text     what they wrote
     * @return the verdict
     */
    Verdict review(long roomId, String citySlug, long authorId, String text);
}
