package org.creativecities.core.site;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.AnonymousReadLimit;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.Markup;
import org.creativecities.core.platform.web.PublicPages;
import org.creativecities.core.platform.web.PublicProblems;
import org.creativecities.core.platform.web.SiteAddress;

/**
 * {@code /robots.txt} (crawlers may read the public pages, not the API, the live endpoint nor anyone's own pages)
 * and {@code /sitemap.xml} (the home page and every address the {@link PublicPages} beans list, built at most once
 * per {@link #REFRESH}). Links are absolute, on the address the request came to. Each client address may read
 * them {@code ccc.site.crawler-reads-per-minute} times a minute. A context whose list fails is left out, logged.
 */
@WebServlet(urlPatterns = {"/robots.txt", "/sitemap.xml"})
public class CrawlerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CrawlerServlet.class.getName());

    /** How long a built list of pages is served before it is built again. */
    static final Duration REFRESH = Duration.ofMinutes(5);

    /** What crawlers leave alone: the API, the live endpoint, plugins' routes, and pages of one's own. */
    static final String DISALLOWED = """
            Disallow: /api/
            Disallow: /ws
            Disallow: /plugins/
            Disallow: /admin
            Disallow: /me
            Disallow: /my-rooms
            Disallow: /notifications
            Disallow: /mentions
            Disallow: /signin
            Disallow: /signup
            """;

    @Inject
    transient Instance<PublicPages> contexts;

    @Inject
    transient CrawlerReads reads;

    @Inject
    transient Caller caller;

    private transient volatile Listed listed;

    /** The pages, and when they were listed. */
    private record Listed(Set<String> paths, long atNanos) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            reads.check(caller.clientAddress());
        } catch (AnonymousReadLimit.TooManyReads e) {
            PublicProblems.send(response, e);
            return;
        }
        String base = SiteAddress.of(request);
        boolean robots = request.getServletPath().equals("/robots.txt");
        String body = robots ? robots(base) : sitemap(base, paths());
        response.setContentType(robots ? "text/plain;charset=UTF-8" : "application/xml;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static String robots(String base) {
        return "User-agent: *\nAllow: /\n" + DISALLOWED + "\nSitemap: " + base + "/sitemap.xml\n";
    }

    static String sitemap(String base, Set<String> paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths) {
            xml.append("  <url><loc>").append(Markup.escape(base + path)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private Set<String> paths() {
        Listed current = listed;
        if (current == null || System.nanoTime() - current.atNanos() > REFRESH.toNanos()) {
            Set<String> paths = new LinkedHashSet<>();
            paths.add("/");
            for (PublicPages context : contexts) {
                try {
                    context.paths().stream().filter(p -> p.startsWith("/")).forEach(paths::add);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The sitemap leaves out the pages of one context, which failed to list them",
                            e);
                }
            }
            current = new Listed(Collections.unmodifiableSet(paths), System.nanoTime());
            listed = current;
        }
        return current.paths();
    }
}
