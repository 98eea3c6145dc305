package org.creativecities.events.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.ContextException;
import org.creativecities.core.platform.web.PublicProblems;
import org.creativecities.events.app.CalendarFeeds;

/**
 * The subscribable iCalendar feeds: {@code /feeds/cities/{slug}.ics}, {@code /feeds/fields/{slug}.ics} and
 * {@code /feeds/me/{token}.ics}. A filter rather than a servlet, because {@code /feeds/*} is the works' Atom feeds'
 * servlet: this answers the {@code .ics} paths and passes every other on. Anonymous, so rate-limited per address;
 * cacheable by ETag.
 */
@WebFilter(urlPatterns = "/feeds/*")
public class IcsFeedFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern FEED = Pattern.compile("/feeds/(cities|fields|me)/([A-Za-z0-9_-]{1,160})\\.ics");

    @Inject
    private transient CalendarFeeds feeds;

    @Inject
    private transient AnonymousReads anonymousReads;

    @Inject
    private transient Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.endsWith(".ics")) {
            chain.doFilter(request, response);
            return;
        }
        Matcher m = FEED.matcher(path);
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            PublicProblems.send(response, 405, "Method not allowed", "Calendar feeds are read with GET.");
            return;
        }
        if (!m.matches()) {
            PublicProblems.send(response, 404, "Not found", "Calendar feeds are /feeds/cities/{slug}.ics, "
                    + "/feeds/fields/{slug}.ics and /feeds/me/{token}.ics.");
            return;
        }
        try {
            anonymousReads.check(caller.clientAddress());
            String base = IcsResponses.base(request);
            String body = switch (m.group(1)) {
                case "cities" -> feeds.city(m.group(2), base);
                case "fields" -> feeds.field(m.group(2), base);
                default -> feeds.mine(m.group(2), base);
            };
            IcsResponses.write(request, response, body);
        } catch (ContextException e) {
            PublicProblems.send(response, e);
        }
    }
}
