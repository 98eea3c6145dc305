package org.creativecities.core.platform.web;

/** Escaping for text put into HTML or XML that the server writes itself (element text and quoted attributes). */
public final class Markup {

    private Markup() {
    }

    /** The text with {@code & < > " '} escaped: safe as element content and inside a quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
