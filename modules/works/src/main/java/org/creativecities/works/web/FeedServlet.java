package org.creativecities.works.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.ContextException;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.PublicProblems;
import org.creativecities.core.platform.web.StrictQueryParameters;
import org.creativecities.works.app.Feeds;
import org.creativecities.works.render.AtomFeed;

/**
 * Atom feeds of new public works, so that audiences outside the network can follow a city or a field:
 * {@code /feeds/cities/{slug}.atom} (works by its people or about it) and {@code /feeds/fields/{slug}.atom}.
 * They take no query parameters: one is refused with 400, as on every operation of the API document, where they
 * are described ({@link FeedPaths}).
 */
@WebServlet(urlPatterns = "/feeds/*")
public class FeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern FEED = Pattern.compile("/(cities|fields)/([a-z0-9-]{1,160})\\.atom");

    @Inject
    private transient Feeds feeds;

    @Inject
    private transient AnonymousReads anonymousReads;

    @Inject
    private transient Caller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = FEED.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            PublicProblems.send(response, 404, "Not found", "Feeds are /feeds/cities/{slug}.atom and "
                    + "/feeds/fields/{slug}.atom.");
            return;
        }
        try {
            anonymousReads.check(caller.clientAddress());
            Optional<ProblemException> unknown = StrictQueryParameters.unknown(request.getParameterMap().keySet(),
                    Set.of());
            if (unknown.isPresent()) {
                PublicProblems.send(request, response, unknown.get());
                return;
            }
            Feeds.Feed feed = m.group(1).equals("cities") ? feeds.ofCity(m.group(2)) : feeds.ofField(m.group(2));
            byte[] body = AtomFeed.write(feed, PublicWorkServlet.baseUrl(request)).getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/atom+xml;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (ContextException e) {
            PublicProblems.send(response, e);
        }
    }
}
