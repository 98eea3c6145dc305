package org.creativecities.works.render;

import java.util.Map;
import org.creativecities.core.platform.web.FirstView;
import org.creativecities.works.app.WorkDtos.AuthorView;
import org.creativecities.works.app.WorkDtos.WorkView;

/**
 * A public work's page as the UI's {@code ui/pages/work.js} draws it at first (its title, status, attribution and
 * licence, authors and text), for the shell to paint before the UI has started ({@link FirstView}). The time of the
 * last change, the actions and what follows the text are the UI's alone. Everything a person wrote is escaped, or
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
                .append(WorkRenderer.escape(view.text("works:work.version", Map.of("n", String.valueOf(work.version())))))
                .append("</p>");
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
        if ("text".equals(work.kind()) && work.content() != null
                && work.content().getValueType() == jakarta.json.JsonValue.ValueType.STRING) {
            b.append("<section class=\"stack\"><div class=\"work-body\">")
                    .append(WorkRenderer.html(((jakarta.json.JsonString) work.content()).getString(),
                            work.mediaAlt() == null ? Map.of() : work.mediaAlt()))
                    .append("</div></section>");
        }
        return view.frame(b.append("</article>").toString());
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
