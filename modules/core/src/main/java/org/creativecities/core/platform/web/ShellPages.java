package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Extension point: a context that renders some UI addresses on the server, so that the page a link shows (its
 * title, description, OpenGraph tags and JSON-LD, and a first view for clients without JavaScript) is in the HTML
 * that {@link UiShellFilter} answers, and that an address naming nothing answers 404. The UI still boots on top and
 * hides the first view ({@code ccc-app:defined}). Beans of this type are asked in turn for each UI address; the
 * first that answers decides. They run for every page load of their addresses: they read what they need, cheaply,
 * and limit anonymous callers themselves.
 */
public interface ShellPages {

    /** The page for a UI address ({@code /cities/lyon}), if this context renders it. */
    Optional<Page> page(String path, HttpServletRequest request);

    /**
     * A page rendered on the server.
     *
     * @param status 200, or 404 for an address that names nothing
     * @param title  the document's title, as text (escaped by the shell)
     * @param head   HTML added to the head (meta tags, links, JSON-LD); whoever builds it escapes its content
     * @param body   HTML shown until the UI starts, and to clients without JavaScript; escaped by its builder
     */
    record Page(int status, String title, String head, String body) {

        /**
         * The shell with this page's title, head and first view; the shell's own meta description (every other
         * address's) gives way to the page's, if it has one.
         *
         * <p>The first view stays in sight until the UI has drawn its page ({@code ccc-app[data-shown]}, set by
         * {@code ui/app.js}), and what the UI draws stays out of sight until then: the two are swapped in one frame,
         * so the UI's header, appearing above, moves no box that was painted (no layout shift), and the page's first
         * text is painted with the shell instead of after the UI's scripts, strings and first API answers (its
         * Largest Contentful Paint, where the view holds the page's largest text). The view's lines are a little
         * taller than the UI's (1.6 against 1.5): Chromium counts a text's size with its line height and reports the
         * UI's copy of a text as a new, later LCP when it is larger by as much as a pixel row, which a different
         * sub-pixel position made it in one run of three (Lyon's page, a work's status line).
         */
        String applyTo(String shell) {
            if (head.contains("name=\"description\"")) {
                int start = shell.indexOf("<meta name=\"description\"");
                if (start >= 0) {
                    shell = shell.substring(0, start) + shell.substring(shell.indexOf('>', start) + 1);
                }
            }
            int titleStart = shell.indexOf("<title>");
            int titleEnd = shell.indexOf("</title>", titleStart) + "</title>".length();
            int app = shell.indexOf("<ccc-app>") + "<ccc-app>".length();
            String start = shell.substring(0, titleStart) + "<title>" + escape(title) + "</title>\n  " + head;
            if (body.isBlank()) {
                return start + shell.substring(titleEnd);
            }
            return start + "<style>ccc-app[data-shown] > .server-page, "
                    + "ccc-app:not([data-shown]) > .server-page ~ :not(noscript) { display: none; } "
                    + ".server-page { line-height: 1.6; }</style>"
                    + shell.substring(titleEnd, app) + "\n<div class=\"server-page\">" + body + "</div>"
                    + shell.substring(app);
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
