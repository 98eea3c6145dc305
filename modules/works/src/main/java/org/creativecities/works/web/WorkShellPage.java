package org.creativecities.works.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.ContextException;
import org.creativecities.core.platform.web.FirstView;
import org.creativecities.core.platform.web.ShellPages;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.app.WorkService;
import org.creativecities.works.app.WorkViews;
import org.creativecities.works.render.WorkDocuments;
import org.creativecities.works.render.WorkFirstView;

/**
 * The UI's page of a work published to everyone, {@code /works/{id}}, with its title, description and OpenGraph tags
 * and a first view ({@link WorkFirstView}) in the shell. Any other work (a draft, one for members, a deleted or
 * missing one) gets the plain shell: the reader may be its author, whom only the UI knows, so it alone says "no
 * such work". Anonymous readers count against the anonymous read limit; past it they get the plain shell too.
 */
@ApplicationScoped
public class WorkShellPage implements ShellPages {

    private static final Pattern WORK = Pattern.compile("/works/([0-9]{1,18})/?");

    @Inject
    private WorkService service;

    @Inject
    private WorkViews views;

    @Inject
    private AnonymousReads anonymousReads;

    @Inject
    private Caller caller;

    @Override
    public Optional<Page> page(String path, HttpServletRequest request) {
        Matcher m = WORK.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            anonymousReads.check(caller);
            WorkView work = views.view(Optional.empty(), service.get(Optional.empty(), Long.parseLong(m.group(1))));
            if (!"PUBLISHED".equals(work.status()) || !"EVERYONE".equals(work.audience()) || work.deletedAt() != null) {
                return Optional.empty();
            }
            String description = work.summary() != null ? work.summary() : work.attribution().replace("*", "");
            String head = WorkDocuments.meta("name", "description", description)
                    + WorkDocuments.meta("property", "og:type", "article")
                    + WorkDocuments.meta("property", "og:title", work.title())
                    + WorkDocuments.meta("property", "og:description", description)
                    + WorkDocuments.meta("property", "og:url", PublicWorkServlet.baseUrl(request) + work.url());
            return Optional.of(new Page(200, work.title() + " · Creative Cities Commons", head,
                    WorkFirstView.body(work, FirstView.of(request))));
        } catch (ContextException notShown) {
            return Optional.empty();
        }
    }
}
