package org.creativecities.core.live;

/**
 * The core's Markdown renderer for other contexts (an event's description, for one): the same bounded, sanitised
 * rendering as a message's ({@link MessageRenderer}), so a text is shown alike wherever it is written.
 */
public final class MarkdownText {

    /** The longest text rendered as Markdown; longer is shown escaped. */
    public static final int MAX_TEXT = LiveService.MAX_TEXT;

    private MarkdownText() {
    }

    /** The safe HTML of a Markdown text; never throws, whatever the text. */
    public static String html(String text) {
        return MessageRenderer.html(text);
    }
}
