package org.creativecities.core.live;

/**
 * The platform's Markdown, rendered and sanitised exactly as messages are ({@link MessageRenderer}), for the other
 * contexts that show Markdown written by people (city pages, events, profiles): one set of rules for what HTML may
 * reach a browser.
 */
public final class SafeMarkdown {

    /** The longest text rendered as Markdown; longer is shown escaped. */
    public static final int MAX_TEXT = LiveService.MAX_TEXT;

    private SafeMarkdown() {
    }

    /** The safe HTML of a Markdown text; never throws, whatever the text. */
    public static String html(String markdown) {
        return MessageRenderer.html(markdown);
    }
}
