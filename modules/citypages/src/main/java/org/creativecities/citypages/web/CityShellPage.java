package org.creativecities.citypages.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.citypages.CityPageException;
import org.creativecities.citypages.app.BrandDtos.BrandView;
import org.creativecities.citypages.app.BrandService;
import org.creativecities.citypages.app.BrandViews;
import org.creativecities.citypages.render.CityDocument;
import org.creativecities.core.identity.AnonymousReadLimit;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.FirstView;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.ShellPages;
import org.creativecities.works.web.AnonymousReads;
import org.creativecities.works.web.PublicWorkServlet;

/**
 * Renders the UI's city page, {@code /cities/{slug}}, on the server: its title, meta description, OpenGraph tags and
 * JSON-LD, and a first view of the brand page in the reader's language; 404 for a city that does not exist or was
 * retired. Anonymous readers count against the anonymous read limit; past it they get the plain shell.
 */
@ApplicationScoped
public class CityShellPage implements ShellPages {

    private static final Pattern CITY = Pattern.compile("/cities/([a-z0-9-]{1,160})/?");

    @Inject
    private BrandService service;

    @Inject
    private BrandViews views;

    @Inject
    private AnonymousReads anonymousReads;

    @Inject
    private Caller caller;

    @Override
    public Optional<Page> page(String path, HttpServletRequest request) {
        Matcher m = CITY.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String slug = m.group(1);
        try {
            anonymousReads.check(caller);
            BrandService.CityPage page = service.page(slug);
            BrandView view = views.view(page, Optional.ofNullable(request.getHeader("Accept-Language")));
            return Optional.of(new Page(200, CityDocument.title(page.city()),
                    CityDocument.head(page.city(), view, PublicWorkServlet.baseUrl(request)), CityDocument.body(page.city(), view, FirstView.of(request))));
        } catch (AnonymousReadLimit.TooManyReads tooMany) {
            return Optional.empty();
        } catch (CityPageException | ProblemException notFound) {
            return Optional.of(new Page(404, "City not found · Creative Cities Commons",
                    "<meta name=\"robots\" content=\"noindex\">\n", CityDocument.notFound(slug)));
        }
    }
}
