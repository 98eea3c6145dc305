package org.creativecities.works.render;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.creativecities.core.platform.web.FirstView;
import org.creativecities.works.app.WorkDtos.AuthorView;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.markdown.WorkRenderer;

/**
 * A public work's page as the UI's {@code ui/pages/work.js} draws it at first (its title, status, attribution and
 * licence, authors and text), for the shell to paint before the UI has started ({@link FirstView}). The actions and what
 * follows the text are the UI's alone. Everything a person wrote is escaped, or
 * is the Markdown rendered and sanitised as the UI does.
 */
public final class WorkFirstView {

    private WorkFirstView() {
    }

    /** The first view of {@code work}, in the site's frame. */
    public static String body(WorkView work, FirstView view) {
        StringBuilder b = new StringBuilder(4096).append("<article class=\"page stack work-page\"><p><a href=\"/works\">")
                .append(text(view, "works:work.back")).append("</a></p><header class=\"stack\"><h1>")
                .append(WorkRenderer.escape(work.title())).append("</h1><p class=\"muted\"><span class=\"badge\">")
                .append(text(view, "works:status." + work.status().toLowerCase(java.util.Locale.ROOT)))
                .append("</span> ").append(WorkRenderer.escape(kind(work.kind(), view))).append(" · ")
                .append(WorkRenderer.escape(view.text("works:work.version", Map.of("n", String.valueOf(work.version())))));
        if (work.updatedAt() != null) {
            relative(work.updatedAt().toInstant(), Instant.now(), view.language()).ifPresent(when -> b.append(" · ")
                    .append(WorkRenderer.escape(view.text("works:work.updated", Map.of("when", when)))));
        }
        b.append("</p>");
        if (work.summary() != null) {
            b.append("<p class=\"lead\">").append(WorkRenderer.escape(work.summary())).append("</p>");
        }
        b.append("<p class=\"work-attribution\"><strong>").append(text(view, "works:work.attribution"))
                .append(":</strong> ").append(WorkRenderer.escape(work.attribution())).append("</p><p>")
                .append(text(view, "works:work.licence")).append(": <a class=\"licence\" href=\"")
                .append(WorkRenderer.escape(work.licence().url())).append("\" rel=\"license noopener\">")
                .append(WorkRenderer.escape(work.licence().spdx())).append("</a> (")
                .append(WorkRenderer.escape(work.licence().name())).append(")</p><p><a href=\"")
                .append(WorkRenderer.escape(work.url())).append("\">").append(text(view, "works:work.publicPage"))
                .append("</a></p></header><section class=\"card stack\"><h2>").append(text(view, "works:work.authors"))
                .append("</h2><ul class=\"acct-list\">");
        for (AuthorView a : work.authors()) {
            b.append("<li><a href=\"/people/").append(a.accountId()).append("\">")
                    .append(WorkRenderer.escape(a.displayName())).append("</a>");
            if (a.city() != null) {
                b.append(" (<a href=\"/cities/").append(WorkRenderer.escape(a.city().slug())).append("\">")
                        .append(WorkRenderer.escape(a.city().name())).append("</a>)");
            }
            b.append(" <span class=\"muted\">").append(text(view, "CREATOR".equals(a.role())
                    ? "works:authors.creator" : "works:authors.coauthor")).append("</span></li>");
        }
        b.append("</ul></section>");
        if (work.html() != null) {
            b.append("<section class=\"stack\"><div class=\"work-body\">").append(work.html())
                    .append("</div></section>");
        }
        return view.frame(b.append("</article>").toString());
    }

    /**
     * How long ago, as {@code ui/core/i18n.js}'s {@code formatRelative} writes it within 30 days
     * ({@code Intl.RelativeTimeFormat}, {@code numeric: 'auto'}) in English and French; other languages as English.
     * Older: nothing (the UI writes a date, which the view leaves to it).
     */
    static Optional<String> relative(Instant when, Instant now, String language) {
        long seconds = Math.round((when.toEpochMilli() - now.toEpochMilli()) / 1000.0);
        long abs = Math.abs(seconds);
        boolean french = language.startsWith("fr");
        String[] unit;
        long n;
        if (abs < 60) {
            n = seconds;
            unit = french ? new String[] {"maintenant", "seconde", "secondes"} : new String[] {"now", "second", "seconds"};
        } else if (abs < 3600) {
            n = Math.round(seconds / 60.0);
            unit = french ? new String[] {null, "minute", "minutes"} : new String[] {null, "minute", "minutes"};
        } else if (abs < 86400) {
            n = Math.round(seconds / 3600.0);
            unit = french ? new String[] {null, "heure", "heures"} : new String[] {null, "hour", "hours"};
        } else if (abs < 86400L * 30) {
            n = Math.round(seconds / 86400.0);
            unit = french ? new String[] {null, "jour", "jours"} : new String[] {null, "day", "days"};
            if (n == -1) {
                return Optional.of(french ? "hier" : "yesterday");
            }
            if (n == -2 && french) {
                return Optional.of("avant-hier");
            }
        } else {
            return Optional.empty();
        }
        if (n == 0 && unit[0] != null) {
            return Optional.of(unit[0]);
        }
        if (n > 0) {
            return Optional.empty();
        }
        String amount = (-n) + " " + (-n == 1 ? unit[1] : unit[2]);
        return Optional.of(french ? "il y a " + amount : amount + " ago");
    }

    /** The kind's name as the UI shows it: the built-in kinds' from the strings, a plugin's after its prefix. */
    private static String kind(String kind, FirstView view) {
        int colon = kind.indexOf(':');
        return colon >= 0 ? kind.substring(colon + 1) : view.text("works:kinds." + kind);
    }

    private static String text(FirstView view, String key) {
        return WorkRenderer.escape(view.text(key));
    }
}
